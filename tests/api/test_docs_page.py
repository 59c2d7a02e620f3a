"""/api/docs/ is a page like the others: its language, one main landmark and a level-one
heading (the Swagger UI itself renders inside the main landmark)."""

import re


def test_the_api_docs_page_has_a_language_a_main_landmark_and_a_heading(client, db):
    page = client.get("/api/docs/").content.decode()
    assert re.search(r'<html lang="vi">', page)
    main = page.split("<main>", 1)[1].split("</main>", 1)[0]
    assert "<h1>Cổng thông tin điện tử API</h1>" in main and 'id="swagger-ui"' in main


def test_the_document_declares_the_partner_key_and_the_conditional_gets(client, db):
    document = client.get("/api/schema/").json()
    scheme = document["components"]["securitySchemes"]["partnerKey"]
    assert (scheme["type"], scheme["in"], scheme["name"]) == ("apiKey", "header", "X-Api-Key")
    for path in ("/api/questions/", "/api/reports/"):
        assert {"partnerKey": []} in document["paths"][path]["post"]["security"]
    gets = [ops["get"] for ops in document["paths"].values() if "get" in ops]
    assert gets and all("304" in get["responses"] for get in gets)
    assert all("ETag" in get["responses"]["200"]["headers"] for get in gets)
