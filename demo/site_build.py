"""The office: home page, the pages below it (about, contact, legal pages) and the office's
settings, from data/site.yaml and data/pages.yaml."""

from datetime import date

from wagtail.models import Page, Site

from portal import setup
from portal.contact.models import AccessibilityStatementPage, ContactFormField, ContactPage
from portal.models import ContentPage, OfficeSettings, OfficeTexts

from . import loader
from .markup import paragraph, rich_text, stream
from .translate import translate_everywhere


def home_fields(spec):
    return {
        "title": spec["title"],
        "slug": spec["slug"],
        "intro": paragraph(spec["intro"]),
        "body": stream(spec["body"]),
        "easy_language_text": rich_text(spec["easy_language"]),
    }


def demo_loaded(home):
    """Whether the demo was loaded before: its pages are below the home page."""
    slugs = [spec["slug"] for spec in loader.load("pages")["pages"]]
    return Page.objects.child_of(home).filter(slug__in=slugs).exists()


def ensure_home(source_locale):
    """The German home page with the demo's content; (home, created). `created` says whether
    the demo is new here: a new home page, or the empty one of `portal.setup.ensure_site()`,
    which the demo then fills with its content."""
    site = loader.load("site")
    fields = home_fields(site["home"])
    office_name = site["office"]["office_name"]
    home, new = setup.ensure_home(source_locale, **fields, site_name=office_name)
    created = new or not demo_loaded(home)
    if created and not new:
        for field, value in fields.items():
            setattr(home, field, value)
        home.save_revision().publish()
        Site.objects.filter(root_page=home).update(site_name=office_name)
    return home, created


def contact_page(spec, common):
    page = ContactPage(
        **common,
        intro=paragraph(spec["intro"]),
        to_address=loader.load("site")["office"]["email"],
        subject=spec["subject"],
        thank_you_text=paragraph(spec["thank_you_text"]),
    )
    for field in spec["form_fields"]:
        page.form_fields.add(ContactFormField(**field))
    return page


def new_page(spec):
    common = {"title": spec["title"], "slug": spec["slug"], "show_in_menus": spec["show_in_menus"]}
    if spec["type"] == "contact":
        return contact_page(spec, common)
    if spec["type"] == "accessibility":
        return AccessibilityStatementPage(
            **common,
            intro=spec["intro"],
            body=stream(spec["body"]),
            statement_date=spec.get("statement_date"),
            reviewed_date=spec.get("reviewed_date"),
        )
    return ContentPage(**common, intro=spec["intro"], body=stream(spec["body"]))


def ensure_pages(home):
    pages = {}
    for spec in loader.load("pages")["pages"]:
        page = Page.objects.child_of(home).filter(slug=spec["slug"]).first()
        if page is None:
            page = new_page(spec)
            home.add_child(instance=page)
            page.save_revision().publish()
        pages[spec["slug"]] = page
    return pages


def ensure_office_settings(pages):
    site_data = loader.load("site")
    office = OfficeSettings.for_site(Site.objects.get(is_default_site=True))
    for field, value in site_data["office"].items():
        if field != "opening_hours":
            setattr(office, field, value)
    office.residents_reference_date = date(date.today().year - 1, 12, 31)
    office.imprint_page = pages["impressum"]
    office.privacy_page = pages["datenschutz"]
    office.accessibility_page = pages["barrierefreiheit"]
    office.contact_page = pages["kontakt"]
    office.save()
    return office


def ensure_office_texts(source_locale):
    """The office's opening hours and links (German), a translatable snippet."""
    site_data = loader.load("site")
    texts = OfficeTexts.objects.filter(locale=source_locale).first() or OfficeTexts(
        locale=source_locale
    )
    texts.opening_hours = site_data["office"]["opening_hours"]
    texts.social_links = [("link", link) for link in site_data["social_links"]]
    texts.save()
    return texts


def office_texts_source():
    site_data = loader.load("site")
    return {
        "opening_hours": site_data["office"]["opening_hours"],
        "social_links": site_data["social_links"],
    }


def translate_site(home, pages, locales):
    translate_everywhere(home, loader.load("site")["home"], locales, "home")
    texts = ensure_office_texts(home.locale)
    translate_everywhere(texts, office_texts_source(), locales, "office_texts")
    for spec in loader.load("pages")["pages"]:
        translate_everywhere(pages[spec["slug"]], spec, locales, "pages", spec["slug"])
