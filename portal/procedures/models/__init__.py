from .choices import Audience, ChannelMethod, Level, OnlineLevel, Status
from .index import ProcedureIndexPage
from .local import LocalForm, LocalImplementation
from .pages import ProcedurePage
from .records import DossierItem, ProcedureChannel, ProcedureLegalBasis, ProcedureStep

__all__ = [
    "Audience",
    "ChannelMethod",
    "DossierItem",
    "Level",
    "LocalForm",
    "LocalImplementation",
    "OnlineLevel",
    "ProcedureChannel",
    "ProcedureIndexPage",
    "ProcedureLegalBasis",
    "ProcedurePage",
    "ProcedureStep",
    "Status",
]
