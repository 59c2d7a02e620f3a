from .choices import Audience, ChannelMethod, Level, OnlineLevel, Status
from .index import ProcedureIndexPage
from .pages import ProcedurePage
from .records import DossierItem, ProcedureChannel, ProcedureLegalBasis, ProcedureStep

__all__ = [
    "Audience",
    "ChannelMethod",
    "DossierItem",
    "Level",
    "OnlineLevel",
    "ProcedureChannel",
    "ProcedureIndexPage",
    "ProcedureLegalBasis",
    "ProcedurePage",
    "ProcedureStep",
    "Status",
]
