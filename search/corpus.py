"""SearchDocuments straight from the shared corpus files, without a database: for measuring
search quality (`search_eval --from-corpus`) before or without importing the content."""

import datetime
import gzip
import json
from pathlib import Path

from .documents import SearchDocument


def _lines(path):
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def datetime_date(value):
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def procedure_documents(record):
    return [
        SearchDocument(
            kind="procedure",
            id=record["code"],
            title=record["name"],
            url=f"/thu-tuc/{record['code']}/",
            identifiers=[record["code"]],
            popularity=float(record.get("popularity") or 0),
            facets={"audience": [(a, a) for a in record.get("audiences", [])]},
        )
    ]


def legal_documents(record):
    number, title = record["number"], record["title"]
    url = f"/van-ban/{number.replace('/', '-').lower()}/"
    common = {"kind": "legal", "id": number, "identifiers": [number]}
    facets = {
        "doc_type": [(record.get("doc_type") or "", record.get("doc_type") or "")],
        "issuer": [(record.get("issuer") or "", record.get("issuer") or "")],
    }
    docs = [
        SearchDocument(
            title=title,
            url=url,
            body=record.get("text", "")[:20_000],
            date=datetime_date(record.get("issued")),
            facets={k: v for k, v in facets.items() if v[0][0]},
            **common,
        )
    ]
    for article in record.get("articles", []):
        docs.append(
            SearchDocument(
                title=f"{title} – Điều {article['number']}. {article.get('title', '')}".strip(),
                url=f"{url}#dieu-{article['number']}",
                body=article.get("text", ""),
                article=str(article["number"]),
                **common,
            )
        )
    return docs


def corpus_documents(directory: Path, names=("procedures", "legal_metadata", "laws")):
    seen = set()
    for name in names:
        for record in _lines(directory / f"{name}.jsonl"):
            make = procedure_documents if record["kind"] == "procedure" else legal_documents
            for doc in make(record):
                if doc.key not in seen:
                    seen.add(doc.key)
                    yield doc
