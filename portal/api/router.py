"""The one Django Ninja API for every custom endpoint, mounted at /api/.

Each app (and `search`) that has an `api` module exposing `router` (a `ninja.Router`) and
`PREFIX` (e.g. "procedures/") gets it added here, in INSTALLED_APPS order.

Shared pieces for those routers live beside this module: `pagination` (PageParams, Paginated,
paginate), `portal.core.visibility.visible()` (what the public may see; one rule for every
reader), `throttling.SearchRateThrottle`,
`errors` (JSON 400/404 bodies, installed below) and `caching` (ETag/Last-Modified/304 on every
GET under /api/, via ApiCacheMiddleware).
"""

from importlib import import_module

from ninja import NinjaAPI, Swagger
from ninja.constants import NOT_SET

from django.apps import apps
from django.utils.module_loading import module_has_submodule

from . import caching, catalog, errors, preview
from .data_enums import document_data_enums
from .parsing import StrictJSONParser
from .security import document_security
from .throttling import SearchRateThrottle

# Routers whose every operation is rate-limited per client (429 with Retry-After).
THROTTLED = {"search/": SearchRateThrottle}


class PortalAPI(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        schema = errors.document_bad_requests(super().get_openapi_schema(*args, **kwargs))
        return document_data_enums(document_security(caching.document_caching(schema)))


api = PortalAPI(
    title="Cổng thông tin điện tử API",
    version="1",
    description="Read API for procedures, legal documents, news and search.",
    urls_namespace="api",
    openapi_url="/schema/",
    docs_url="/docs/",
    # No deep links: Swagger UI puts them, as small links, inside each operation's button
    # (axe: nested-interactive, target-size).
    docs=Swagger(settings={"deepLinking": False}),
    parser=StrictJSONParser(),
)


def _add_app_routers():
    for app_config in apps.get_app_configs():
        if module_has_submodule(app_config.module, "api"):
            module = import_module(f"{app_config.name}.api")
            if hasattr(module, "router"):
                throttle = THROTTLED.get(module.PREFIX)
                api.add_router(
                    module.PREFIX, module.router, throttle=throttle() if throttle else NOT_SET
                )


errors.install(api)
api.add_router("preview/", preview.router)
api.add_router("catalog/", catalog.router)
_add_app_routers()
