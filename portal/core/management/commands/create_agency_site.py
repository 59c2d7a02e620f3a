"""`manage.py create_agency_site --name ... --hostname ... --province ...`: one agency's site
(portal/core/agencies.py). Safe to run again; a hostname or province of another agency is an
error and nothing is written."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from portal.core.agencies import Agency, AgencySiteError, create_agency_site
from portal.core.editorial import editorial_names


class Command(BaseCommand):
    help = (
        "Create an agency's site: Vietnamese and English home pages, sections, agency settings, "
        "its editor and board groups and its approval workflow. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="Sở Nông nghiệp và Môi trường Hà Nội")
        parser.add_argument("--hostname", required=True, help="e.g. hanoi.localhost")
        parser.add_argument("--province", default="", help="e.g. Hà Nội")
        parser.add_argument(
            "--parent", default="", help="The parent agency's hostname (default: the ministry)."
        )
        parser.add_argument("--name-en", default="", help="The agency's name in English.")
        parser.add_argument("--short-name", default="", help="Default: Sở NN&MT <province>.")
        parser.add_argument("--port", type=int, default=80)
        for option in ("address", "hotline", "email", "brand-colour", "brand-dark-colour"):
            parser.add_argument(f"--{option}", default="")

    def handle(self, **options):
        agency = Agency(
            name=options["name"],
            hostname=options["hostname"],
            province=options["province"],
            name_en=options["name_en"],
            short_name=options["short_name"],
            parent=options["parent"],
            port=options["port"],
            address=options["address"],
            hotline=options["hotline"],
            email=options["email"],
            brand_colour=options["brand_colour"],
            brand_dark_colour=options["brand_dark_colour"],
        )
        try:
            site, created = create_agency_site(agency)
        except AgencySiteError as error:
            raise CommandError(str(error)) from None
        except ValidationError as error:
            problems = "; ".join(
                f"--{field.replace('_', '-')}: {' '.join(messages)}"
                for field, messages in error.message_dict.items()
            )
            raise CommandError(problems) from None
        editors, board, workflow = editorial_names(site)
        verb = "Created" if created else "Already there, completed"
        self.stdout.write(
            f"{verb}: {site.root_url}/ ({site.site_name}); groups “{editors}”, “{board}”; "
            f"workflow “{workflow}”."
        )
