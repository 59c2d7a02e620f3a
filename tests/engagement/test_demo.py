from django.core.management import call_command

from portal.engagement.choices import ReportStatus
from portal.engagement.models import AnswerPage, Question, Report


def test_demo_has_answers_reports_in_every_status_and_loads_twice(client, db):
    call_command("load_demo")
    answers = AnswerPage.objects.live()
    assert answers.count() == 4  # one of them at the online exchange
    assert {report.status for report in Report.objects.all()} == set(ReportStatus.values)
    counts = (Question.objects.count(), Report.objects.count())
    call_command("load_demo")
    assert (Question.objects.count(), Report.objects.count()) == counts
    assert client.get(answers.first().url).status_code == 200
    listing = client.get("/hoi-dap/").content.decode()
    assert all(answer.title in listing for answer in answers)
    assert "example.vn" not in listing
    body = client.get("/api/questions/").json()
    assert body["total"] == 4
    for form in ("/gui-cau-hoi/", "/phan-anh-kien-nghi/", "/tra-cuu-ho-so/"):
        assert client.get(form).status_code == 200
    from portal.engagement.models import ExchangePage

    exchange = ExchangePage.objects.live().get()
    page = client.get(exchange.url).content.decode()
    assert exchange.answers.live().get().title in page
    waiting = Question.objects.get(exchange=exchange, answer_page=None)
    assert waiting.title not in page
