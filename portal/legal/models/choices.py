"""The fixed vocabularies of legal documents, with the labels the national database uses."""

from django.db import models


class Validity(models.TextChoices):
    IN_FORCE = "in_force", "Còn hiệu lực"
    PARTLY_EXPIRED = "partly_expired", "Hết hiệu lực một phần"
    EXPIRED = "expired", "Hết hiệu lực toàn bộ"
    NOT_YET_IN_FORCE = "not_yet_in_force", "Chưa có hiệu lực"
    UNKNOWN = "unknown", "Không xác định"


# A document in one of these states still ranks as "in force" in search.
IN_FORCE_STATES = frozenset({Validity.IN_FORCE, Validity.PARTLY_EXPIRED})


class DocumentKind(models.TextChoices):
    NORMATIVE = "normative", "Văn bản quy phạm pháp luật"
    DIRECTION = "direction", "Văn bản chỉ đạo điều hành"


class RelationType(models.TextChoices):
    """Set by an editor on one document; the inverse shows on the other one."""

    REPLACES = "replaces", "Thay thế"
    AMENDS = "amends", "Sửa đổi, bổ sung"
    GUIDES = "guides", "Hướng dẫn"
    BASED_ON = "based_on", "Căn cứ"


INVERSE_LABELS = {
    RelationType.REPLACES: "Bị thay thế bởi",
    RelationType.AMENDS: "Bị sửa đổi, bổ sung bởi",
    RelationType.GUIDES: "Được hướng dẫn bởi",
    RelationType.BASED_ON: "Là căn cứ của",
}
