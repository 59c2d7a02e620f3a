"""/api/docs/ is a page like the others: its language, one main landmark and a level-one
heading (the Swagger UI itself renders inside the main landmark)."""

import re


def test_the_api_docs_page_has_a_language_a_main_landmark_and_a_heading(client, db):
    page = client.get("/api/docs/").content.decode()
    assert re.search(r'<html lang="vi">', page)
    main = page.split("<main>", 1)[1].split("</main>", 1)[0]
    assert "<h1>Cổng thông tin điện tử API</h1>" in main and 'id="swagger-ui"' in main
