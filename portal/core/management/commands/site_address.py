"""`manage.py site_address HOST[:PORT]`: the default site's public address (`make run` sets it
to the address it serves). Absolute URLs (sitemap, feeds, API, print) begin with it unless
PUBLIC_URL says otherwise (portal/core/public_url.py). Agency sites at *.localhost (the demo's)
take the same port, as one development server answers them all."""

from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Site

from portal.core.site_structure import ensure_home


class Command(BaseCommand):
    help = "Set the default Wagtail site's hostname and port (e.g. 127.0.0.1:8000)."

    def add_arguments(self, parser):
        parser.add_argument("address", help="HOST or HOST:PORT, e.g. portal.example.gov.vn:443")

    def handle(self, address, **options):
        hostname, _, port = address.strip().rpartition(":")
        if not hostname:
            hostname, port = address.strip(), "80"
        if not hostname or not port.isdigit():
            raise CommandError(f"not a HOST[:PORT] address: {address!r}")
        ensure_home()
        site = Site.objects.get(is_default_site=True)
        site.hostname, site.port = hostname, int(port)
        site.save()
        self.stdout.write(f"The default site is now {site.root_url}/")
        # Agency sites on *.localhost (the demo's) are served by the same development server.
        for agency_site in Site.objects.filter(hostname__endswith=".localhost"):
            if agency_site.port != site.port:
                agency_site.port = site.port
                agency_site.save()
                self.stdout.write(f"  and {agency_site.root_url}/")
