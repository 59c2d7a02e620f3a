from django.core.management import call_command

from portal.legal.models import AttachmentText, LegalDocumentPage, Validity


def test_demo_loads_a_dozen_documents_once_and_keeps_edits(db, capsys):
    call_command("load_demo")
    assert LegalDocumentPage.objects.count() >= 12
    assert LegalDocumentPage.objects.get(number="45/2013/QH13").validity == Validity.EXPIRED
    assert LegalDocumentPage.objects.get(number="08/2022/NĐ-CP").validity == (
        Validity.PARTLY_EXPIRED
    )
    assert AttachmentText.objects.filter(status=AttachmentText.Status.OK).count() == 3

    law = LegalDocumentPage.objects.get(number="31/2024/QH15")
    law.signer = "Biên tập viên sửa"
    law.save_revision().publish()
    call_command("load_demo")
    assert LegalDocumentPage.objects.get(pk=law.pk).signer == "Biên tập viên sửa"
    assert AttachmentText.objects.count() == 3


def test_demo_gives_each_province_its_own_decision_under_the_same_number(client, db):
    from portal.core import demo as core_demo
    from portal.legal import demo as legal_demo

    core_demo.load()  # creates the two provincial sites
    legal_demo.load()
    assert "văn bản địa phương" in legal_demo.load()
    decisions = LegalDocumentPage.objects.filter(number="15/2025/QĐ-UBND")
    assert {page.get_site().hostname for page in decisions} == {
        "hanoi.localhost",
        "danang.localhost",
    }
    hanoi = client.get("/api/legal/15-2025-qd-ubnd/", HTTP_HOST="hanoi.localhost").json()
    assert "Hà Nội" in hanoi["title"]
