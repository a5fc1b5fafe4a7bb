"""Demo news, events, organisations, projects and fields of action (texts in portal_content)."""

from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from portal.directory.models import OrganisationIndexPage, OrganisationPage
from portal.events.models import EventIndexPage, EventPage
from portal.news.models import NewsArticlePage, NewsIndexPage, NewspaperIssue
from portal.projects.models import ProjectIndexPage, ProjectPage
from portal.taxonomy.models import FieldOfAction

from . import portal_content as texts
from .pdf import simple_pdf

INDEX_MODELS = {
    "news": NewsIndexPage,
    "events": EventIndexPage,
    "organisations": OrganisationIndexPage,
    "projects": ProjectIndexPage,
}


def paragraphs(items):
    return "".join(f"<p>{item}</p>" for item in items)


def bullets(items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def body(items):
    stream = []
    for kind, text in items:
        if kind == "heading":
            stream.append(("heading", {"text": text, "level": "h2"}))
        else:
            stream.append(("paragraph", f"<p>{text}</p>"))
    return stream


def pairs(source, target):
    """{German string: translation} for two structures of the same shape."""
    found = {}
    if isinstance(source, str) and isinstance(target, str):
        if source and target:
            found[source] = target
    elif isinstance(source, dict) and isinstance(target, dict):
        for key, value in source.items():
            found.update(pairs(value, target.get(key)))
    elif isinstance(source, list | tuple) and isinstance(target, list | tuple):
        for left, right in zip(source, target, strict=False):
            found.update(pairs(left, right))
    return found


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_fields_of_action(locale):
    fields = {}
    for spec in texts.FIELDS_OF_ACTION:
        field = FieldOfAction.objects.filter(slug=spec["slug"], locale=locale).first()
        if field is None:
            field = FieldOfAction.objects.create(
                slug=spec["slug"], sort_order=spec["sort_order"], locale=locale, **spec["de"]
            )
        fields[spec["slug"]] = field
    return fields


def ensure_index(home, key):
    model = INDEX_MODELS[key]
    index = model.objects.child_of(home).first()
    if index is None:
        spec = texts.INDEX_PAGES[key]
        index = publish(
            home,
            model(
                title=spec["de"]["title"],
                slug=spec["slug"],
                intro=f"<p>{spec['de']['intro']}</p>",
                show_in_menus=True,
            ),
        )
    return index


def local_datetime(day, clock):
    hours, minutes = (int(part) for part in clock.split(":"))
    return timezone.make_aware(datetime.combine(day, time(hours, minutes)))


def add_news(index, fields):
    today = timezone.localdate()
    for spec in texts.NEWS:
        de = spec["de"]
        page = NewsArticlePage(
            title=de["title"],
            slug=spec["slug"],
            date=today - timedelta(days=spec["days_ago"]),
            author=de.get("author", ""),
            intro=de["intro"],
            body=body(de["body"]),
        )
        page.fields_of_action = [fields[slug] for slug in spec["fields"]]
        publish(index, page)
    for number, days_ago in ((2, 40), (1, 160)):
        title = f"Stadtteilzeitung Mühlbach-Süd, Ausgabe {number}/{today.year}"
        document = get_document_model().objects.create(
            title=title,
            file=ContentFile(
                simple_pdf(title, "Demo-Ausgabe der Stadtteilzeitung."),
                name=f"stadtteilzeitung-{number}-{today.year}.pdf",
            ),
        )
        NewspaperIssue.objects.create(
            page=index,
            title=title,
            published_on=today - timedelta(days=days_ago),
            document=document,
        )


def add_organisations(index, fields):
    created = {}
    for spec in texts.ORGANISATIONS:
        de = spec["de"]
        page = OrganisationPage(
            title=de["title"],
            slug=spec["slug"],
            organisation_type=spec["type"],
            intro=de["intro"],
            offers=bullets(de["offers"]),
            opening_hours=de["opening_hours"],
            accessibility=de["accessibility"],
            languages_spoken=de["languages_spoken"],
            street=spec["street"],
            postcode=spec["postcode"],
            city=spec["city"],
            phone=spec["phone"],
            email=spec["email"],
            website=spec["website"],
        )
        page.fields_of_action = [fields[slug] for slug in spec["fields"]]
        created[spec["slug"]] = publish(index, page)
    return created


def add_events(index, fields, organisations):
    today = timezone.localdate()
    for spec in texts.EVENTS:
        de = spec["de"]
        start = local_datetime(today + timedelta(days=spec["days_from_now"]), spec["start_time"])
        page = EventPage(
            title=de["title"],
            slug=spec["slug"],
            start=start,
            end=start + timedelta(minutes=spec["duration_minutes"]),
            place_name=de["place_name"],
            address=de["address"],
            venue_accessibility=spec["venue_accessibility"],
            accessibility_notes=de["accessibility_notes"],
            organiser=de["organiser"],
            organiser_page=organisations.get(spec.get("organiser_slug") or ""),
            registration_note=de["registration_note"],
            intro=de["intro"],
            body=body(de["body"]),
        )
        page.fields_of_action = [fields[slug] for slug in spec["fields"]]
        publish(index, page)


def add_projects(index, fields):
    for spec in texts.PROJECTS:
        de = spec["de"]
        page = ProjectPage(
            title=de["title"],
            slug=spec["slug"],
            status=spec["status"],
            intro=de["intro"],
            goals=paragraphs(de["goals"]),
            partners=de["partners"],
            funding_programme=de["funding_programme"],
            results=paragraphs(de["results"]),
            start_date=datetime.strptime(spec["start"], "%Y-%m-%d").date(),
            end_date=datetime.strptime(spec["end"], "%Y-%m-%d").date() if spec["end"] else None,
        )
        page.fields_of_action = [fields[slug] for slug in spec["fields"]]
        publish(index, page)


def build_portal_content(home, locales):
    """Create the German originals once; returns what translate_portal_content needs."""
    fields = ensure_fields_of_action(home.locale)
    indexes = {key: ensure_index(home, key) for key in INDEX_MODELS}
    if not NewsArticlePage.objects.child_of(indexes["news"]).exists():
        add_news(indexes["news"], fields)
        organisations = add_organisations(indexes["organisations"], fields)
        add_events(indexes["events"], fields, organisations)
        add_projects(indexes["projects"], fields)
    return {"fields": fields, "indexes": indexes}


def _translate_if_needed(instance, locale, strings):
    from .build import translate

    existing = instance.get_translation_or_none(locale)
    if existing is None or getattr(existing, "alias_of_id", None):
        translate(instance, locale, strings)


def translate_portal_content(built, locales):
    """English for everything; every language for the taxonomy, the index pages,
    the first news item and the first event."""
    for spec in texts.FIELDS_OF_ACTION:
        field = built["fields"][spec["slug"]]
        for code, locale in locales.items():
            if code in spec and code != "de":
                _translate_if_needed(field, locale, pairs(spec["de"], spec[code]))
    for key, index in built["indexes"].items():
        spec = texts.INDEX_PAGES[key]
        for code, locale in locales.items():
            if code in spec and code != "de":
                strings = pairs(spec["de"], spec[code])
                _translate_if_needed(index, locale, strings)
    children = {
        "news": (texts.NEWS, NewsArticlePage),
        "events": (texts.EVENTS, EventPage),
        "organisations": (texts.ORGANISATIONS, OrganisationPage),
        "projects": (texts.PROJECTS, ProjectPage),
    }
    for key, (specs, model) in children.items():
        index = built["indexes"][key]
        for spec in specs:
            page = model.objects.child_of(index).get(slug=spec["slug"])
            for code, locale in locales.items():
                if code in spec and code != "de":
                    _translate_if_needed(page, locale, pairs(spec["de"], spec[code]))
