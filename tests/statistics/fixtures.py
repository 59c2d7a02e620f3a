"""A small set of processing records over two agencies, two fields and three months."""

from .conftest import line

HANOI = "Sở Nông nghiệp và Môi trường Hà Nội"
HUE = "Sở Nông nghiệp và Môi trường Huế"
PROCEDURES = {"1.012756": "Đất đai", "1.004232": "Tài nguyên nước", "1.010727": None}


def processing_lines():
    lines = []
    for month_index, period in enumerate(("2025-08", "2025-09", "2025-10")):
        for agency, province, size in ((HANOI, "Hà Nội", 40), (HUE, "Huế", 15)):
            for code_index, code in enumerate(PROCEDURES):
                received = size + 7 * code_index + month_index
                lines.append(
                    line(
                        procedure=code, agency=agency, province=province, period=period,
                        received=received, carried_over=2,
                        resolved_on_time=received - 4 - code_index,
                        resolved_late=code_index + 1, pending_on_time=4, pending_overdue=1,
                        received_online=received // 2, fully_online=received // 4,
                        results_online=received // 3, surveyed=10, satisfied=9 - code_index,
                    )
                )  # fmt: skip
    return lines


def publish_procedures():
    """The procedures of the set that have a field, published (1.010727 stays unknown)."""
    from portal.core.models import Field
    from portal.procedures.factories import ProcedurePageFactory

    for code, field_name in PROCEDURES.items():
        if field_name:
            page = ProcedurePageFactory(code=code, name=f"Thủ tục {code}")
            page.procedure_fields = [Field.objects.get_or_create(name=field_name)[0]]
            page.save_revision().publish()
