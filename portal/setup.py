"""A site ready to edit: the seven locales, a German home page as the site's root, and the
other language trees kept in sync with it (untranslated pages appear as aliases that show
the German original). The demo builds on it, and so does every test session."""

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import synchronize_tree

from .languages import SOURCE_LANGUAGE
from .models import HomePage


def ensure_locales():
    locales = {}
    for code, _name in settings.LANGUAGES:
        locales[code], _created = Locale.objects.get_or_create(language_code=code)
    return locales


def ensure_home(source_locale, **fields):
    """The German home page as the default site's root; (page, created). `fields` fill a new
    home page (title, slug, intro, …); an existing one is left as it is."""
    home = HomePage.objects.filter(locale=source_locale).first()
    if home is not None:
        return home, False
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=source_locale)
    )
    # Wagtail's installation leaves a "Welcome" page: the home page replaces it.
    for page in root.get_children().exact_type(Page):
        page.delete()
    fields = {"title": "Startseite", "slug": "start", **fields}
    site_name = fields.pop("site_name", fields["title"])
    home = HomePage(locale=source_locale, **fields)
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.site_name = "localhost", 80, site_name
    site.root_page = home
    site.save()
    return home, True


def synchronise_language_trees(locales):
    """Every other language mirrors the German tree; untranslated pages become aliases."""
    source = locales[SOURCE_LANGUAGE]
    for code, locale in locales.items():
        if code == SOURCE_LANGUAGE:
            continue
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": source})
        synchronize_tree(source, locale)


@transaction.atomic
def ensure_site(**home_fields):
    """Locales, home page and synchronised language trees; returns the German home page."""
    locales = ensure_locales()
    home, _created = ensure_home(locales[SOURCE_LANGUAGE], **home_fields)
    synchronise_language_trees(locales)
    return home
