from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Page

from portal.api.preview import PREVIEW_URL, make_token


class Command(BaseCommand):
    help = "Print a signed, expiring headless preview URL for a page's latest revision."

    def add_arguments(self, parser):
        parser.add_argument("page_id", type=int)

    def handle(self, page_id, **options):
        page = Page.objects.filter(pk=page_id).first()
        if page is None:
            raise CommandError(f"no page with id {page_id}")
        token = make_token(page.specific)
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write(f"{base}{PREVIEW_URL}?token={token}")
        self.stderr.write(f"valid for {settings.HEADLESS_PREVIEW_MAX_AGE} seconds")
