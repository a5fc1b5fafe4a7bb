"""`manage.py setup_site`: a new installation becomes an editable Quartier site.

Creates the seven locales, the German home page as the default site's root (replacing
Wagtail's "Welcome" page) and the other language trees, and keeps them in sync. Safe to run
again after every deployment: what exists is left as it is. The demo (`load_demo`, dev and
test settings only) builds on the same steps."""

from django.core.management.base import BaseCommand

from portal.setup import ensure_site


class Command(BaseCommand):
    help = "Locales, home page and language trees of a new installation (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--site-name",
            default="",
            help="Name of the office for a new home page and the site (e-mails, page titles).",
        )

    def handle(self, *args, site_name="", **options):
        fields = {"title": site_name, "site_name": site_name} if site_name else {}
        home = ensure_site(**fields)
        self.stdout.write(f"Site ready: home page {home.title!r} ({home.url_path}).")
