import gzip
import json
from io import StringIO

import pytest

from django.core.management import call_command

from wagtail.models import Revision

from portal.legal.models import LegalArticle, LegalDocumentPage, Validity

LAW = {
    "kind": "legal",
    "number": "31/2024/QH15",
    "title": "Luật Đất đai",
    "doc_type": "Luật",
    "issuer": "Quốc hội",
    "signer": "Vương Đình Huệ",
    "signer_title": "Chủ tịch Quốc hội",
    "issued": "2024-01-18",
    "effective": "2024-08-01",
    "fields": ["Đất đai"],
    "articles": [
        {"number": "1", "title": "Phạm vi điều chỉnh", "text": "Luật này quy định về đất đai."},
        {"number": "2", "title": "Đối tượng áp dụng", "text": "Người sử dụng đất."},
    ],
    "attachments": [
        {"title": "Toàn văn", "filename": "31.pdf", "url": "https://example.vn/31.pdf"}
    ],
    "relations": [{"type": "replaces", "number": "45/2013/QH13"}],
}
OLD_LAW = {
    "kind": "legal",
    "number": "45/2013/QH13",
    "title": "Luật Đất đai",
    "doc_type": "Luật",
    "issued": "2013-11-29",
    "effective": "2014-07-01",
}


def legal_revisions():
    pages = LegalDocumentPage.objects.values_list("pk", flat=True)
    return Revision.objects.filter(object_id__in=[str(pk) for pk in pages])


def run_import(*paths):
    out, err = StringIO(), StringIO()
    try:
        call_command("import_content", *map(str, paths), stdout=out, stderr=err)
        status = 0
    except SystemExit as exit_:
        status = exit_.code
    return status, out.getvalue(), err.getvalue()


def test_good_lines_create_documents_with_everything(home, jsonl):
    status, out, err = run_import(jsonl([LAW, OLD_LAW]))
    assert status == 0, err
    assert "2 created" in out
    law = LegalDocumentPage.objects.get(normalised_number="31-2024-QH15")
    assert law.live and law.url == "/van-ban/31-2024-qh15/"
    assert law.issuer.name == "Quốc hội"
    assert [f.name for f in law.fields.all()] == ["Đất đai"]
    assert [(a.number, a.anchor) for a in law.articles.all()] == [("1", "dieu-1"), ("2", "dieu-2")]
    assert law.attachments.get().source_url == "https://example.vn/31.pdf"
    assert law.validity == Validity.IN_FORCE
    assert LegalDocumentPage.objects.get(number="45/2013/QH13").validity == Validity.EXPIRED
    assert not legal_revisions().exists()  # imported live, article text not copied


def test_importing_twice_changes_nothing(home, jsonl):
    path = jsonl([LAW, OLD_LAW])
    run_import(path)
    before = list(LegalArticle.objects.values_list("pk", flat=True))
    status, out, _ = run_import(path)
    assert status == 0
    assert "0 created, 0 updated, 2 unchanged" in out
    assert list(LegalArticle.objects.values_list("pk", flat=True)) == before
    assert not legal_revisions().exists()


def test_articles_are_replaced_as_a_set_and_absent_keys_kept(home, jsonl):
    run_import(jsonl([LAW]))
    changed = {
        "kind": "legal",
        "number": "31/2024/qh15",
        "title": "Luật Đất đai",
        "articles": [{"number": "5", "title": "Mới", "text": "Nội dung mới."}],
    }
    status, out, _ = run_import(jsonl([changed], name="second.jsonl"))
    assert "1 updated" in out
    law = LegalDocumentPage.objects.get()
    assert [a.number for a in law.articles.all()] == ["5"]
    assert law.signer == "Vương Đình Huệ"  # not in the second line, so kept
    assert law.relations.count() == 1


def test_a_partial_record_updates_the_articles_it_names_and_keeps_the_others(home, jsonl):
    run_import(jsonl([LAW]))
    partial = {
        "kind": "legal",
        "number": "31/2024/QH15",
        "title": "Luật Đất đai",
        "articles": [{"number": "2", "title": "Đối tượng", "text": "Văn bản hợp nhất."}],
    }
    status, out, _ = run_import(jsonl([partial], name="consolidated.jsonl"))
    assert status == 0 and "1 updated" in out
    law = LegalDocumentPage.objects.get()
    assert [(a.number, a.text) for a in law.articles.all()] == [
        ("1", LAW["articles"][0]["text"]),
        ("2", "Văn bản hợp nhất."),
    ]


def test_a_page_an_editor_revised_gets_a_new_revision_when_reimported(home, jsonl):
    run_import(jsonl([LAW]))
    law = LegalDocumentPage.objects.get()
    law.save_revision().publish()
    run_import(jsonl([{**LAW, "signer": "Trần Thanh Mẫn"}], name="again.jsonl"))
    law = LegalDocumentPage.objects.get()
    assert law.signer == "Trần Thanh Mẫn"
    assert law.get_latest_revision_as_object().signer == "Trần Thanh Mẫn"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"issued": "18/01/2024"}, ":2: issued: Input should be a valid date"),
        ({"issued": "2024-02-30"}, ":2: issued: Input should be a valid date"),
        ({"effective": "2023-12-31"}, ":2: effective: 2023-12-31 is before the issue date"),
        ({"expires": "2024-01-01"}, ":2: expires: 2024-01-01 is before the document took effect"),
        (
            {"relations": [{"type": "abolishes", "number": "1/2020/QH14"}]},
            ":2: relations[0].type: Input should be 'replaces', 'amends', 'guides' or 'based_on'",
        ),
        (
            {"relations": [{"type": "amends", "number": "31/2024/qh15"}]},
            ":2: relations[0].number: a document cannot relate to itself",
        ),
        (
            {"articles": [{"number": "1", "text": "a"}, {"number": "1", "text": "b"}]},
            ":2: articles[1].number: duplicate article '1'",
        ),
    ],
)
def test_bad_lines_are_rejected_with_a_clear_message(home, jsonl, change, message):
    path = jsonl([OLD_LAW, {**LAW, **change}])
    status, out, err = run_import(path)
    assert status == 1
    assert f"{path}{message}" in err
    assert "1 created" in out
    assert not LegalDocumentPage.objects.filter(number="31/2024/QH15").exists()
    assert not LegalArticle.objects.exists()


def test_corpus_laws_import_with_their_articles(home, corpus):
    status, out, err = run_import(corpus / "laws.jsonl")
    assert status == 0, err
    assert LegalDocumentPage.objects.count() == 21
    assert LegalArticle.objects.count() == 2593


def test_export_reimports_unchanged(home, jsonl, tmp_path):
    run_import(jsonl([LAW, OLD_LAW]))
    exported = tmp_path / "export.jsonl.gz"
    call_command("export_content", "--kind", "legal", "-o", str(exported), stderr=StringIO())
    with gzip.open(exported, "rt", encoding="utf-8") as handle:
        lines = [json.loads(line) for line in handle]
    assert {line["number"] for line in lines} == {"31/2024/QH15", "45/2013/QH13"}
    status, out, _ = run_import(exported)
    assert "2 unchanged" in out and "0 updated" in out


@pytest.mark.parametrize(
    "number, doc_type",
    [
        ("72/2020/QH14", "Luật"),
        ("02/2022/TT-BTNMT", "Thông tư"),
        ("08/2022/NĐ-CP", "Nghị định"),
        ("2499/QĐ-BTNMT", "Quyết định"),
        ("678/TB-VPCP", "Thông báo"),
    ],
)
def test_a_line_without_a_type_takes_it_from_the_number(home, jsonl, number, doc_type):
    status, _, err = run_import(jsonl([{"kind": "legal", "number": number, "title": "Văn bản"}]))
    assert status == 0, err
    assert LegalDocumentPage.objects.get().doc_type == doc_type
