"""The public website: office settings, the home page's texts, standard pages, fields of
action, and one or two of every listed page type. The home page is translated into every
language, "Über uns" into English, and the index pages, the fields of action and the first
news item and event into Arabic; everything else appears in the other languages as the
German original (an alias), as untranslated pages do on a real site."""

from datetime import datetime, time, timedelta
from types import SimpleNamespace

from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Site

from portal.contact.models import AccessibilityStatementPage, ContactFormField, ContactPage
from portal.directory.models import OrganisationIndexPage, OrganisationPage
from portal.events.models import EventIndexPage, EventPage
from portal.models import ContentPage, OfficeSettings
from portal.news.models import NewsArticlePage, NewsIndexPage, NewspaperIssue
from portal.projects.models import ProjectIndexPage, ProjectPage
from portal.taxonomy.models import FieldOfAction

from .common import home, pdf_file, publish, stream, synchronise, translate
from .portal_texts import (
    ABOUT_EN,
    ADVENT_EVENT,
    ADVENT_NEWS,
    HOME_BODY,
    HOME_EASY_LANGUAGE,
    HOME_INTRO,
    HOME_TRANSLATIONS,
)

OFFICE = {
    "office_name": "Stadtteilbüro Mühlbach-Süd",
    "neighbourhood_name": "Quartier Mühlbach-Süd, Auenstadt",
    "street": "Weidenweg 14",
    "postcode": "99999",
    "city": "Auenstadt",
    "phone": "0000 123 456-0",
    "email": "buero@muehlbach-sued.example",
    "opening_hours": "Montag 10–13 Uhr\nDonnerstag 14–18 Uhr",
    "residents": 8400,
}

FIELDS = [
    # slug, German name, Arabic name
    ("beteiligung-integration", "Beteiligung und Integration", "المشاركة والاندماج"),
    ("wohnumfeld", "Wohnumfeld und öffentlicher Raum", "البيئة السكنية والأماكن العامة"),
]

INDEXES = [
    # model, slug, German title and intro, Arabic title and intro
    (
        NewsIndexPage,
        "neuigkeiten",
        ("Neuigkeiten", "Berichte und Ankündigungen aus dem Quartier."),
        ("الأخبار", "تقارير وإعلانات من الحي."),
    ),
    (
        EventIndexPage,
        "termine",
        ("Termine", "Feste, Treffen und Sprechstunden im Quartier."),
        ("المواعيد", "احتفالات ولقاءات ومواعيد استشارة في الحي."),
    ),
    (
        OrganisationIndexPage,
        "akteure",
        ("Akteure", "Vereine, Einrichtungen und Initiativen im Quartier."),
        ("الجهات الفاعلة", "جمعيات ومؤسسات ومبادرات في الحي."),
    ),
    (
        ProjectIndexPage,
        "projekte",
        ("Projekte", "Was im Quartier entsteht und wer mitmacht."),
        ("المشاريع", "ما ينشأ في الحي ومن يشارك فيه."),
    ),
]


def home_page(page):
    """The site's home page (made for the session by ensure_site) gets its texts and is
    translated into every language, as an office would do."""
    page.intro = f"<p>{HOME_INTRO}</p>"
    page.body = stream(*HOME_BODY)
    page.easy_language_text = HOME_EASY_LANGUAGE
    page.save_revision().publish()
    german = [page.title, HOME_INTRO, *(b[1] if isinstance(b, tuple) else b for b in HOME_BODY)]
    for language, texts in HOME_TRANSLATIONS.items():
        translate(page, language, dict(zip(german, texts, strict=True)))


def office(pages):
    settings = OfficeSettings.for_site(Site.objects.get(is_default_site=True))
    for field, value in OFFICE.items():
        setattr(settings, field, value)
    settings.residents_reference_date = timezone.localdate().replace(month=1, day=1)
    settings.social_links = [
        ("link", {"label": "Stadtteilzeitung als Newsletter", "url": "https://news.example"})
    ]
    settings.imprint_page = pages["impressum"]
    settings.privacy_page = pages["datenschutz"]
    settings.accessibility_page = pages["barrierefreiheit"]
    settings.contact_page = pages["kontakt"]
    settings.save()


def contact_page():
    page = ContactPage(
        title="Kontakt",
        slug="kontakt",
        show_in_menus=True,
        intro="<p>So erreichen Sie das Stadtteilbüro im Quartier.</p>",
        to_address=OFFICE["email"],
        subject="Nachricht über das Kontaktformular",
        thank_you_text="<p>Danke für Ihre Nachricht. Wir melden uns bald.</p>",
    )
    for label, field_type, required, help_text in [
        ("Ihr Name", "singleline", False, ""),
        ("Ihre E-Mail-Adresse", "email", True, "Damit wir Ihnen antworten können."),
        ("Ihre Nachricht", "multiline", True, ""),
    ]:
        page.form_fields.add(
            ContactFormField(
                label=label, field_type=field_type, required=required, help_text=help_text
            )
        )
    return page


def standard_pages(parent):
    pages = {
        "ueber-uns": ContentPage(
            title="Über das Stadtteilbüro",
            slug="ueber-uns",
            show_in_menus=True,
            intro="Wer wir sind und wie wir im Quartier arbeiten.",
            body=stream(
                ("h2", "Unser Auftrag"),
                "Wir bringen Bewohnerinnen und Bewohner, Vereine und die Verwaltung zusammen.",
                ("h2", "Gremien"),
                "Die Stadtteilkonferenz trifft sich viermal im Jahr.",
            ),
        ),
        "kontakt": contact_page(),
        "impressum": ContentPage(
            title="Impressum",
            slug="impressum",
            intro="Angaben gemäß § 5 DDG.",
            body=stream("Stadtteilbüro Mühlbach-Süd, Weidenweg 14, 99999 Auenstadt (fiktiv)."),
        ),
        "datenschutz": ContentPage(
            title="Datenschutzerklärung",
            slug="datenschutz",
            intro="Wie wir mit Ihren Daten umgehen.",
            body=stream(("h2", "Was wir speichern"), "Nur, was wir für Ihr Anliegen brauchen."),
        ),
        "barrierefreiheit": AccessibilityStatementPage(
            title="Erklärung zur Barrierefreiheit",
            slug="barrierefreiheit",
            intro="Diese Website soll für alle Menschen nutzbar sein (BITV 2.0, WCAG 2.1 AA).",
            body=stream(
                "Die Website ist weitgehend barrierefrei.",
                ("h2", "Schlichtungsverfahren"),
                "Sie können sich an die Schlichtungsstelle Ihres Bundeslandes wenden.",
            ),
        ),
    }
    return {slug: publish(parent, page) for slug, page in pages.items()}


def fields_of_action(locale):
    made = []
    for number, (slug, name, _arabic) in enumerate(FIELDS, start=1):
        made.append(
            FieldOfAction.objects.create(
                slug=slug, name=name, sort_order=number, locale=locale, description=name
            )
        )
    return made


def tagged(page, fields):
    page.fields_of_action = fields
    return page


def at(days, clock):
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(*clock)))


def news_pages(news, fields):
    """Two articles and a printed issue of the newspaper; returns the first article."""
    today = timezone.localdate()
    article = publish(
        news,
        tagged(
            NewsArticlePage(
                title="Adventsmarkt: Lichterglanz am Lindenplatz",
                slug="adventsmarkt-rueckblick",
                date=today - timedelta(days=3),
                intro="Der Adventsmarkt am Lindenplatz war ein Treffpunkt für das ganze Quartier.",
                body=stream("Rund zwanzig Stände boten Selbstgebackenes und Handarbeiten an."),
            ),
            fields,
        ),
    )
    publish(
        news,
        tagged(
            NewsArticlePage(
                title="Neue Bänke im Weidenpark",
                slug="neue-baenke",
                date=today - timedelta(days=40),
                intro="Sechs neue Bänke laden zum Verweilen ein.",
            ),
            fields[1:],
        ),
    )
    NewspaperIssue.objects.create(
        page=news,
        title=f"Stadtteilzeitung, Ausgabe 1/{today.year}",
        published_on=today - timedelta(days=60),
        document=get_document_model().objects.create(
            title=f"Stadtteilzeitung, Ausgabe 1/{today.year}",
            file=pdf_file("stadtteilzeitung-1.pdf", "Stadtteilzeitung", "Ausgabe 1"),
        ),
    )
    return article


def organisation_page(organisations, fields):
    return publish(
        organisations,
        tagged(
            OrganisationPage(
                title="Nachbarschaftstreff Lindenstraße",
                slug="nachbarschaftstreff",
                organisation_type="social",
                intro="Ein offener Treff für alle im Quartier.",
                offers="<ul><li>Sprachcafé</li><li>Beratung</li></ul>",
                opening_hours="Montag bis Freitag 10–18 Uhr",
                accessibility="Stufenloser Eingang",
                languages_spoken="Deutsch, Türkisch, Arabisch",
                street="Lindenstraße 12",
                postcode="99999",
                city="Auenstadt",
                phone="0000 123 456-7",
                email="treff@muehlbach-sued.example",
            ),
            fields[:1],
        ),
    )


def event_pages(events, fields, organiser):
    """One event to come (returned) and one past."""
    event = publish(
        events,
        tagged(
            EventPage(
                title="Adventsmarkt am Lindenplatz",
                slug="adventsmarkt-lindenplatz",
                start=at(14, (14, 0)),
                end=at(14, (19, 0)),
                place_name="Lindenplatz",
                address="Lindenplatz, 99999 Auenstadt",
                venue_accessibility="step_free",
                accessibility_notes="Der Platz ist eben und gepflastert.",
                organiser="Stadtteilbüro Mühlbach-Süd",
                organiser_page=organiser,
                registration_note="Keine Anmeldung nötig.",
                intro="Nachbarinnen und Nachbarn laden zum Adventsmarkt mit Selbstgemachtem ein.",
                body=stream("Es gibt Musik, warme Getränke und ein Programm für Kinder."),
            ),
            fields,
        ),
    )
    publish(
        events,
        tagged(
            EventPage(
                title="Frühjahrsputz im Weidenpark",
                slug="fruehjahrsputz",
                start=at(-30, (10, 0)),
                end=at(-30, (13, 0)),
                place_name="Weidenpark",
                intro="Gemeinsam räumen wir den Park auf.",
            ),
            fields[1:],
        ),
    )
    return event


def project_page(projects, fields):
    return publish(
        projects,
        tagged(
            ProjectPage(
                title="Grüner Lindenplatz",
                slug="gruener-lindenplatz",
                status="running",
                intro="Der Lindenplatz wird grüner und schattiger.",
                goals="<p>Mehr Bäume und Bänke im Quartier.</p>",
                partners="Grünflächenamt",
                funding_programme="Sozialer Zusammenhalt",
                start_date=timezone.localdate().replace(month=1, day=1),
            ),
            fields,
        ),
    )


def listed_pages(indexes, fields):
    news, events, organisations, projects = indexes
    organisation = organisation_page(organisations, fields)
    return SimpleNamespace(
        news=news_pages(news, fields),
        organisation=organisation,
        event=event_pages(events, fields, organisation),
        project=project_page(projects, fields),
    )


def arabic(indexes, fields, made):
    for (_model, _slug, german, translated), index in zip(INDEXES, indexes, strict=True):
        translate(index, "ar", dict(zip(german, translated, strict=True)))
    for (_slug, name, translated), field in zip(FIELDS, fields, strict=True):
        translate(field, "ar", {name: translated})
    translate(made.news, "ar", ADVENT_NEWS)
    translate(made.event, "ar", ADVENT_EVENT)


def translations(parent, pages, indexes, fields, made):
    home_page(parent)
    translate(pages["ueber-uns"], "en", ABOUT_EN)
    arabic(indexes, fields, made)


def build():
    parent = home()
    pages = standard_pages(parent)
    office(pages)
    fields = fields_of_action(parent.locale)
    indexes = [
        publish(parent, model(title=de[0], slug=slug, intro=f"<p>{de[1]}</p>", show_in_menus=True))
        for model, slug, de, _ar in INDEXES
    ]
    made = listed_pages(indexes, fields)
    synchronise()
    translations(parent, pages, indexes, fields, made)
    return SimpleNamespace(pages=pages, fields=fields, indexes=indexes, **vars(made))
