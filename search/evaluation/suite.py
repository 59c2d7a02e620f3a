"""The query families of the evaluation, built from the corpus and the documents loaded."""

from pathlib import Path

from portal.core.visibility import visible

from . import families as f

COLLOQUIAL = Path(__file__).with_name("colloquial.tsv")
ENGLISH = Path(__file__).with_name("english.tsv")


def loaded_documents():
    """Every live legal document's number parts: the expected answer of a look-up is decided
    over what is loaded (a second 269 of another year counts)."""
    from portal.legal.models import LegalDocumentPage

    rows = visible(LegalDocumentPage.objects.all()).values_list("number", "doc_type", "issued")
    parsed = (f.parse_number(n, t, d.isoformat() if d else "") for n, t, d in rows)
    return [doc for doc in parsed if doc]


def build_families(corpus: Path):
    """{family: (tune, held_out)}; the dev set is whole, in `tune`, with no held-out half."""
    procedures = f.read_jsonl(corpus / "procedures.jsonl")
    everyday = f.everyday_queries(procedures)
    return {
        "dev": (f.read_tsv(corpus / "dev_queries.tsv"), []),
        "numbers": f.split(f.number_lookups(corpus / "legal_metadata.jsonl", loaded_documents())),
        "codes": f.split(f.procedure_code_lookups(procedures)),
        "everyday": f.split(everyday),
        "abbreviations": f.split(f.abbreviated(everyday)),
        "colloquial": f.split(f.read_tsv(COLLOQUIAL)),
        "english": f.split(f.read_tsv(ENGLISH)),
        "questions": f.legal_questions(corpus / "dev_legal_questions.tsv"),
    }
