"""Search analytics: each search logged once without personal data, chosen results counted
through a link that works without JavaScript, the admin dashboard (with one-step fixes for a
query that found nothing), its CSV, and `manage.py search_report`."""

from io import StringIO

import pytest

from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from portal.procedures.factories import ProcedurePageFactory
from search.analytics import looks_personal
from search.models import PromotedResult, QueryLog, ResultClick, SearchSynonym

from .conftest import procedure

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(engine, home):
    engine.index(
        [
            procedure("1.004194", "Đăng ký tạm trú"),
            procedure("1.004195", "Gia hạn tạm trú"),
        ]
    )
    return engine


@pytest.fixture
def admin_client(client):
    client.force_login(User.objects.create_superuser("quan-tri", "qt@example.gov.vn", "x"))
    return client


def test_a_search_is_logged_with_one_insert_and_no_address(client, indexed):
    with CaptureQueriesContext(connection) as queries:
        client.get("/tim-kiem/", {"q": "  Đăng KÝ tạm trú "}, REMOTE_ADDR="203.0.113.7")
    inserts = [
        q["sql"] for q in queries if q["sql"].startswith("INSERT") and "querylog" in q["sql"]
    ]

    assert len(inserts) == 1
    entry = QueryLog.objects.get()
    assert (entry.query, entry.folded, entry.results) == ("đăng ký tạm trú", "dang ky tam tru", 1)
    stored = [str(value) for row in QueryLog.objects.values_list() for value in row]
    assert not any("203.0.113.7" in value for value in stored)
    assert "ip" not in {f.name for f in QueryLog._meta.get_fields()}


@pytest.mark.parametrize(
    "query",
    ["0912 345 678", "+84 912345678", "nguyen.van.a@gmail.com", "cccd 001203004567", "123456789"],
)
def test_queries_that_look_like_personal_data_are_not_logged(client, indexed, query):
    assert client.get("/api/search/", {"q": query}).status_code == 200
    assert looks_personal(query)
    assert not QueryLog.objects.exists()


def test_numbers_of_documents_and_procedures_are_logged(client, indexed):
    for query in ("1.004194", "2499/QĐ-BTNMT", "nghị định 08/2022"):
        client.get("/api/search/", {"q": query})
    assert QueryLog.objects.count() == 3


def test_a_chosen_result_is_counted_by_its_position_without_javascript(client, indexed):
    html = client.get("/tim-kiem/", {"q": "tam tru"}).content.decode()
    links = [part.split('"')[0] for part in html.split('href="')[1:] if "/tim-kiem/chon/" in part]
    assert len(links) == 2

    response = client.get(links[1].replace("&amp;", "&"))

    assert response.status_code == 302 and response["Location"].startswith("/")
    click = ResultClick.objects.get()
    assert click.position == 2 and click.search == QueryLog.objects.get()


def test_a_forged_click_link_is_refused(client, indexed):
    response = client.get("/tim-kiem/chon/", {"r": "forged:token"})
    assert response.status_code == 400 and not ResultClick.objects.exists()


def test_the_dashboard_shows_a_zero_result_query_and_fixes_it_in_one_step(
    admin_client, client, indexed
):
    for _ in range(3):
        client.get("/tim-kiem/", {"q": "sổ hồng"})
    client.get("/tim-kiem/", {"q": "tam tru"})
    page = ProcedurePageFactory(code="1.000777", name="Cấp giấy chứng nhận quyền sử dụng đất")

    html = admin_client.get("/admin/search-analytics/").content.decode()
    zero = html.split('id="zero"')[1].split("</table>")[0]
    assert "sổ hồng" in zero and ">3<" in zero and "tam tru" not in zero

    admin_client.post(
        "/admin/search-analytics/synonym/",
        {"query": "sổ hồng", "expansions": "giấy chứng nhận quyền sử dụng đất"},
    )
    admin_client.post("/admin/search-analytics/promote/", {"query": "sổ hồng", "page": page.pk})

    assert SearchSynonym.objects.get(term="sổ hồng").expansions.startswith("giấy chứng nhận")
    assert PromotedResult.objects.get(folded="so hong").page_id == page.pk


def test_the_dashboard_counts_unclicked_queries_and_click_through_by_position(
    admin_client, client, indexed
):
    html = client.get("/tim-kiem/", {"q": "tam tru"}).content.decode()
    first = next(p.split('"')[0] for p in html.split('href="')[1:] if "/tim-kiem/chon/" in p)
    client.get(first.replace("&amp;", "&"))
    client.get("/tim-kiem/", {"q": "gia han"})

    csv = admin_client.get("/admin/search-analytics/", {"format": "csv"}).content.decode()

    assert "no_clicks,gia han,1," in csv
    assert "no_clicks,tam tru" not in csv
    assert "positions,1,1,0.5000" in csv
    assert f"days,{timezone.localdate().isoformat()},2," in csv


def test_search_report_prints_the_same_figures(client, indexed):
    client.get("/tim-kiem/", {"q": "sổ hồng"})
    client.get("/tim-kiem/", {"q": "tam tru"})
    out = StringIO()

    call_command("search_report", "--days", "7", stdout=out)

    text = out.getvalue()
    assert "Searches" in text and ": 2" in text
    zero = text.split("Zero-result queries:")[1].split("Queries with no click:")[0]
    assert "sổ hồng" in zero and "tam tru" not in zero


def test_the_dashboard_is_for_editors_only(client, indexed):
    assert client.get("/admin/search-analytics/").status_code in (302, 403)
