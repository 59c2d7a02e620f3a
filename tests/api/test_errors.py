import pytest

pytestmark = pytest.mark.django_db


def test_missing_parameter_is_a_400_naming_it(client, home):
    response = client.get("/api/preview/")

    assert response.status_code == 400
    body = response.json()
    assert body["errors"][0]["field"] == "token"
    assert "token" in body["detail"]


def test_unknown_api_path_is_a_json_404(client, home):
    response = client.get("/api/khong-co/")

    assert response.status_code == 404
    assert response.json() == {"detail": "no API endpoint at /api/khong-co/"}


def test_unknown_v2_endpoint_is_a_json_404(client, home):
    response = client.get("/api/v2/khong-co/")

    assert response.status_code == 404
    assert "detail" in response.json()


def test_unknown_query_parameter_on_pages_is_a_400(client, home):
    response = client.get("/api/v2/pages/?colour=red")

    assert response.status_code == 400
    assert "colour" in response.json()["message"]


def test_malformed_number_on_pages_is_a_400(client, home):
    response = client.get("/api/v2/pages/?offset=abc")

    assert response.status_code == 400
    assert "offset" in response.json()["message"]


@pytest.mark.django_db
def test_a_server_error_under_the_api_is_json_even_when_the_database_is_gone(client):
    from django.db import connection

    with connection.cursor() as cursor:  # rolled back with the test's transaction
        cursor.execute("ALTER TABLE wagtailcore_site RENAME TO gone_site")
    client.raise_request_exception = False

    response = client.get("/api/news/")

    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Internal server error"}
