"""Demo news, events, organisations, projects and fields of action, from data/news.yaml,
events.yaml, organisations.yaml, projects.yaml and fields_of_action.yaml."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from portal.directory.models import OrganisationIndexPage, OrganisationPage
from portal.events.models import EventIndexPage, EventPage
from portal.news.models import NewsArticlePage, NewsIndexPage, NewspaperIssue
from portal.projects.models import ProjectIndexPage, ProjectPage
from portal.taxonomy.models import FieldOfAction

from . import illustrations, loader
from .markup import bullets, paragraph, paragraphs, stream
from .pdf import simple_pdf
from .translate import translate_everywhere

# section (data file) -> index page model, key of the list of pages in the file, page model
SECTIONS = {
    "news": (NewsIndexPage, "articles", NewsArticlePage),
    "events": (EventIndexPage, "events", EventPage),
    "organisations": (OrganisationIndexPage, "organisations", OrganisationPage),
    "projects": (ProjectIndexPage, "projects", ProjectPage),
}


def publish(parent, page, fields=None, spec=None):
    if spec is not None:
        page.fields_of_action = [fields[slug] for slug in spec["fields"]]
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_fields_of_action(locale):
    fields = {}
    for spec in loader.load("fields_of_action")["fields_of_action"]:
        field = FieldOfAction.objects.filter(slug=spec["slug"], locale=locale).first()
        if field is None:
            field = FieldOfAction.objects.create(
                slug=spec["slug"],
                sort_order=spec["sort_order"],
                locale=locale,
                name=spec["name"],
                description=spec["description"],
            )
        fields[spec["slug"]] = field
    return fields


def ensure_index(home, section):
    model = SECTIONS[section][0]
    index = model.objects.child_of(home).first()
    if index is None:
        spec = loader.load(section)["index"]
        index = publish(
            home,
            model(
                title=spec["title"],
                slug=spec["slug"],
                intro=paragraph(spec["intro"]),
                show_in_menus=True,
            ),
        )
    return index


def lead_image(spec, prefix):
    """The page's illustration (drawn once, demo/illustrations.py) where the data asks for one."""
    image = spec.get("image")
    if not image:
        return {}
    key = f"{prefix}-{spec['slug']}"
    title = f"Demo: {spec['title']}"
    return {
        "lead_image": illustrations.wagtail_image(key, title, image["motif"]),
        "lead_image_alt": image["alt"],
    }


def add_news(index, fields):
    data = loader.load("news")
    for spec in data["articles"]:
        page = NewsArticlePage(
            title=spec["title"],
            slug=spec["slug"],
            date=loader.day(spec["days_from_today"]),
            author=spec.get("author", ""),
            intro=spec["intro"],
            body=stream(spec["body"]),
            **lead_image(spec, "neuigkeit"),
        )
        publish(index, page, fields, spec)
    add_newspaper_issues(index, data["newspaper"])


def add_newspaper_issues(index, newspaper):
    year = timezone.localdate().year
    for issue in newspaper["issues"]:
        names = {"number": issue["number"], "year": year}
        title = newspaper["title"].format(**names)
        document = get_document_model().objects.create(
            title=title,
            file=ContentFile(
                simple_pdf(title, newspaper["text"]), name=newspaper["file_name"].format(**names)
            ),
        )
        NewspaperIssue.objects.create(
            page=index,
            title=title,
            published_on=loader.day(issue["days_from_today"]),
            document=document,
        )


def add_organisations(index, fields):
    created = {}
    for spec in loader.load("organisations")["organisations"]:
        page = OrganisationPage(
            title=spec["title"],
            slug=spec["slug"],
            organisation_type=spec["type"],
            intro=spec["intro"],
            offers=bullets(spec["offers"]),
            opening_hours=spec["opening_hours"],
            accessibility=spec["accessibility"],
            languages_spoken=spec["languages_spoken"],
            street=spec["street"],
            postcode=spec["postcode"],
            city=spec["city"],
            phone=spec["phone"],
            email=spec["email"],
            website=spec["website"],
        )
        created[spec["slug"]] = publish(index, page, fields, spec)
    return created


def add_events(index, fields, organisations):
    for spec in loader.load("events")["events"]:
        start = loader.local_datetime(spec["days_from_today"], spec["start_time"])
        page = EventPage(
            title=spec["title"],
            slug=spec["slug"],
            start=start,
            end=start + timedelta(minutes=spec["duration_minutes"]),
            place_name=spec["place_name"],
            address=spec["address"],
            venue_accessibility=spec["venue_accessibility"],
            accessibility_notes=spec["accessibility_notes"],
            organiser=spec["organiser"],
            organiser_page=organisations.get(spec["organiser_slug"] or ""),
            registration_note=spec["registration_note"],
            intro=spec["intro"],
            body=stream(spec["body"]),
            **lead_image(spec, "termin"),
        )
        publish(index, page, fields, spec)


def add_projects(index, fields):
    for spec in loader.load("projects")["projects"]:
        page = ProjectPage(
            title=spec["title"],
            slug=spec["slug"],
            status=spec["status"],
            intro=spec["intro"],
            goals=paragraphs(spec["goals"]),
            partners=spec["partners"],
            funding_programme=spec["funding_programme"],
            results=paragraphs(spec["results"]),
            start_date=spec["start"],
            end_date=spec["end"],
        )
        publish(index, page, fields, spec)


def build_portal_content(home):
    """Create the German originals once; returns what translate_portal_content needs."""
    fields = ensure_fields_of_action(home.locale)
    indexes = {section: ensure_index(home, section) for section in SECTIONS}
    if not NewsArticlePage.objects.child_of(indexes["news"]).exists():
        add_news(indexes["news"], fields)
        organisations = add_organisations(indexes["organisations"], fields)
        add_events(indexes["events"], fields, organisations)
        add_projects(indexes["projects"], fields)
    return {"fields": fields, "indexes": indexes}


def translate_portal_content(built, locales):
    """Every language the data files have: English for everything; every language for the
    fields of action, the index pages, the first news item and the first event."""
    for spec in loader.load("fields_of_action")["fields_of_action"]:
        field = built["fields"][spec["slug"]]
        translate_everywhere(field, spec, locales, "fields_of_action", spec["slug"])
    for section, index in built["indexes"].items():
        translate_everywhere(index, loader.load(section)["index"], locales, "indexes", section)
    for section, (_index_model, key, model) in SECTIONS.items():
        index = built["indexes"][section]
        for spec in loader.load(section)[key]:
            page = model.objects.child_of(index).get(slug=spec["slug"])
            translate_everywhere(page, spec, locales, section, spec["slug"])
