"""Test data for the public website: people, pages, fields of action, site settings.

Page factories add their page below a parent (by default the German home page of the
session's empty site, or the index page its type belongs under), publish it and, as the
admin does for an editor, give it aliases in the other language trees, so the page
exists in every language and shows the German original there until `translate` makes
a real translation.
"""

import factory
from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Locale, Site
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.synctree import create_aliases_for_new_page

from portal.contact.models import AccessibilityStatementPage, ContactFormField, ContactPage
from portal.directory.models import OrganisationIndexPage, OrganisationPage
from portal.events.models import EventIndexPage, EventPage
from portal.models import ContentPage, HomePage, OfficeSettings
from portal.news.models import NewsArticlePage, NewsIndexPage, NewspaperIssue
from portal.projects.models import ProjectIndexPage, ProjectPage
from portal.taxonomy.models import FieldOfAction

PASSWORD = "Ein-sicheres-Passwort-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(
                user=self, email=self.email, primary=True, verified=extracted is not False
            )


def with_mfa(user):
    """Give `user` a TOTP authenticator, as everyone who can reach the admin must have."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(user, generate_totp_secret())
    return user


def locale(code):
    return Locale.objects.get(language_code=code)


def german_home():
    """The German home page of the session's site (the default site's root)."""
    return HomePage.objects.get(locale__language_code="de")


def translate(instance, target, strings):
    """Translate a page or snippet through wagtail-localize as an editor does in the admin:
    start a translation, fill in its strings and publish it. `target` is a language code or
    a Locale; `strings` maps German source strings to their translation, and strings it
    lacks keep the German text (slugs, for example). Returns the translated instance."""
    target = locale(target) if isinstance(target, str) else target
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=target)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, entry.msgid)
    translation.import_po(po)
    translation.save_target(publish=True)
    return instance.get_translation(target)


def paragraphs(*texts):
    """A body StreamField value of paragraphs."""
    return [("paragraph", f"<p>{text}</p>") for text in texts]


class PageFactory(factory.django.DjangoModelFactory):
    """A page below `parent`, published unless `publish=False`, with aliases in the other
    language trees unless `aliases=False`."""

    class Meta:
        abstract = True

    parent = factory.LazyFunction(german_home)
    publish = True
    aliases = True
    title = factory.Sequence(lambda n: f"Seite {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))

    @classmethod
    def _create(cls, model_class, *args, parent, publish, aliases, **kwargs):
        page = model_class(*args, live=publish, **kwargs)
        parent.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
            page.refresh_from_db()
        if aliases:
            create_aliases_for_new_page(page)
        return page


class IndexPageFactory(PageFactory):
    """An index page (one per parent): an existing one with the same slug is reused."""

    class Meta:
        abstract = True

    show_in_menus = True
    intro = ""

    @classmethod
    def _create(cls, model_class, *args, parent, **kwargs):
        existing = model_class.objects.child_of(parent).filter(slug=kwargs["slug"]).first()
        if existing is not None:
            return existing
        return super()._create(model_class, *args, parent=parent, **kwargs)


class ContentPageFactory(PageFactory):
    class Meta:
        model = ContentPage

    intro = ""


class NewsIndexPageFactory(IndexPageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Neuigkeiten"
    slug = "neuigkeiten"


class NewsArticlePageFactory(PageFactory):
    class Meta:
        model = NewsArticlePage

    parent = factory.SubFactory(NewsIndexPageFactory)
    title = factory.Sequence(lambda n: f"Meldung {n}")
    intro = factory.LazyAttribute(lambda page: f"Kurz gesagt: {page.title}.")
    date = factory.LazyFunction(timezone.localdate)


class EventIndexPageFactory(IndexPageFactory):
    class Meta:
        model = EventIndexPage

    title = "Termine"
    slug = "termine"


class EventPageFactory(PageFactory):
    """An event starting `days` days from now (negative: in the past), lasting two hours."""

    class Meta:
        model = EventPage

    class Params:
        days = 7

    parent = factory.SubFactory(EventIndexPageFactory)
    title = factory.Sequence(lambda n: f"Termin {n}")
    start = factory.LazyAttribute(
        lambda event: (
            timezone.now().replace(second=0, microsecond=0) + timezone.timedelta(days=event.days)
        )
    )
    end = factory.LazyAttribute(lambda event: event.start + timezone.timedelta(hours=2))
    place_name = "Stadtteilbüro"
    address = "Weidenweg 14"


class OrganisationIndexPageFactory(IndexPageFactory):
    class Meta:
        model = OrganisationIndexPage

    title = "Akteure"
    slug = "akteure"


class OrganisationPageFactory(PageFactory):
    class Meta:
        model = OrganisationPage

    parent = factory.SubFactory(OrganisationIndexPageFactory)
    title = factory.Sequence(lambda n: f"Verein {n}")
    organisation_type = "association"


class ProjectIndexPageFactory(IndexPageFactory):
    class Meta:
        model = ProjectIndexPage

    title = "Projekte"
    slug = "projekte"


class ProjectPageFactory(PageFactory):
    class Meta:
        model = ProjectPage

    parent = factory.SubFactory(ProjectIndexPageFactory)
    title = factory.Sequence(lambda n: f"Projekt {n}")
    status = "running"
    start_date = factory.LazyFunction(timezone.localdate)


def contact_form_fields():
    return [
        ContactFormField(label="Ihr Name", field_type="singleline", required=False),
        ContactFormField(label="Ihre E-Mail-Adresse", field_type="email", required=True),
        ContactFormField(label="Ihre Nachricht", field_type="multiline", required=True),
    ]


class ContactPageFactory(PageFactory):
    """The contact form with the fields name, e-mail address and message (their form field
    names: ihr_name, ihre_e_mail_adresse, ihre_nachricht)."""

    class Meta:
        model = ContactPage

    title = "Kontakt"
    slug = "kontakt"
    to_address = "buero@quartier.example"
    subject = "Nachricht über das Kontaktformular"
    thank_you_text = "<p>Danke für Ihre Nachricht.</p>"
    form_fields = factory.LazyFunction(contact_form_fields)


class AccessibilityStatementPageFactory(PageFactory):
    class Meta:
        model = AccessibilityStatementPage

    title = "Barrierefreiheit"
    slug = "barrierefreiheit"
    intro = "Erklärung zur Barrierefreiheit"


class FieldOfActionFactory(factory.django.DjangoModelFactory):
    """A field of action in German; `translations={code: name}` translates its name."""

    class Meta:
        model = FieldOfAction
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Handlungsfeld {n}")
    slug = factory.LazyAttribute(lambda field: slugify(field.name))
    locale = factory.LazyFunction(lambda: locale("de"))

    @factory.post_generation
    def translations(self, create, extracted, **kwargs):
        for code, name in (extracted or {}).items():
            translate(self, code, {self.name: name})


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_document_model()

    title = factory.Sequence(lambda n: f"Dokument {n}")
    file = factory.LazyAttribute(
        lambda document: ContentFile(b"%PDF-1.4\n%%EOF\n", name=f"{slugify(document.title)}.pdf")
    )


class NewspaperIssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewspaperIssue

    page = factory.SubFactory(NewsIndexPageFactory)
    title = factory.Sequence(lambda n: f"Stadtteilzeitung, Ausgabe {n}")
    published_on = factory.LazyFunction(timezone.localdate)
    document = factory.SubFactory(DocumentFactory, title=factory.SelfAttribute("..title"))


class OfficeSettingsFactory(factory.django.DjangoModelFactory):
    """The office settings of the default site (there is one per site: updated if present)."""

    class Meta:
        model = OfficeSettings

    site = factory.LazyFunction(lambda: Site.objects.get(is_default_site=True))
    office_name = "Stadtteilbüro"
    email = "buero@quartier.example"

    @classmethod
    def _create(cls, model_class, *args, site, **kwargs):
        office, _created = model_class.objects.get_or_create(site=site)
        for field, value in kwargs.items():
            setattr(office, field, value)
        office.save()
        return office


def running_process(title, slug="verfahren"):
    """A participation process below the German home page with a phase open now (the home
    page lists such processes). Portal knows no participation code: the models are looked
    up by name."""
    process_model = apps.get_model("participation", "ProcessPage")
    phase_model = apps.get_model("participation", "Phase")
    now = timezone.now()
    process = process_model(title=title, slug=slug, intro="Was soll sich ändern?")
    process.phases.add(
        phase_model(
            kind="collecting",
            start=now - timezone.timedelta(days=5),
            end=now + timezone.timedelta(days=30),
            allows_submit=True,
        )
    )
    german_home().add_child(instance=process)
    process.save_revision().publish()
    create_aliases_for_new_page(process)
    return process


def small_site():
    """A small but complete site, as the query budgets measure it: the office with its four
    footer pages, an "about" page in the menu translated into English, two news items and
    two upcoming events tagged with a field of action (translated into Arabic), an
    organisation, a project and a running participation process."""
    field = FieldOfActionFactory(name="Wohnen", translations={"ar": "السكن"})
    about = ContentPageFactory(
        title="Über das Stadtteilbüro",
        slug="ueber-uns",
        show_in_menus=True,
        intro="Wer wir sind.",
        body=paragraphs("Das Stadtteilbüro bringt Menschen zusammen."),
    )
    translate(about, "en", {"Über das Stadtteilbüro": "About the neighbourhood office"})
    imprint = ContentPageFactory(title="Impressum")
    privacy = ContentPageFactory(title="Datenschutz")
    contact = ContactPageFactory()
    accessibility = AccessibilityStatementPageFactory()
    OfficeSettingsFactory(
        street="Weidenweg 14",
        postcode="99999",
        city="Auenstadt",
        imprint_page=imprint,
        privacy_page=privacy,
        accessibility_page=accessibility,
        contact_page=contact,
    )
    news = [NewsArticlePageFactory(fields_of_action=[field]) for _number in range(2)]
    events = [EventPageFactory(days=days, fields_of_action=[field]) for days in (3, 10)]
    OrganisationPageFactory(fields_of_action=[field])
    ProjectPageFactory(fields_of_action=[field])
    running_process("Ideen für den Lindenplatz")
    return {"about": about, "news": news, "events": events}
