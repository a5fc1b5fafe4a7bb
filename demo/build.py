"""Builds the demo neighbourhood. Every step checks first, so running it twice changes nothing."""

from datetime import date

from allauth.account.models import EmailAddress
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Page, Site
from wagtail_localize.models import Translation, TranslationSource

from portal import setup
from portal.contact.models import AccessibilityStatementPage, ContactFormField, ContactPage
from portal.languages import SOURCE_LANGUAGE
from portal.models import ContentPage, OfficeSettings

from . import content
from .fund_build import build_fund, translate_fund
from .intranet_build import build_intranet, translate_bodies
from .participation_build import build_participation, translate_participation
from .portal_build import build_portal_content, translate_portal_content
from .voting_build import build_voting, translate_voting


def stream(blocks):
    data = []
    for kind, value in blocks:
        if kind == "heading":
            data.append(("heading", {"text": value, "level": "h2"}))
        else:
            data.append(("paragraph", f"<p>{value}</p>"))
    return data


def ensure_home(source_locale):
    return setup.ensure_home(
        source_locale,
        easy_language_text=content.HOME_EASY_LANGUAGE,
        title=content.HOME["title"],
        slug="start",
        intro=f"<p>{content.HOME['intro']}</p>",
        body=stream(content.HOME["body"]),
        site_name=content.OFFICE["office_name"],
    )


def new_page(spec):
    kind = spec.get("type", "content")
    common = {"title": spec["title"], "slug": spec["slug"], "show_in_menus": spec["show_in_menus"]}
    if kind == "contact":
        page = ContactPage(
            **common,
            intro=f"<p>{spec['intro']}</p>",
            to_address=content.OFFICE["email"],
            subject="Nachricht über das Kontaktformular",
            thank_you_text="<p>Danke für Ihre Nachricht. Wir melden uns in den nächsten Tagen.</p>",
        )
        for label, field_type, required, help_text in content.CONTACT_FORM_FIELDS:
            page.form_fields.add(
                ContactFormField(
                    label=label, field_type=field_type, required=required, help_text=help_text
                )
            )
        return page
    model = AccessibilityStatementPage if kind == "accessibility" else ContentPage
    return model(**common, intro=spec["intro"], body=stream(spec["body"]))


def ensure_pages(home):
    pages = {}
    for spec in content.PAGES:
        page = Page.objects.child_of(home).filter(slug=spec["slug"]).first()
        if page is None:
            page = new_page(spec)
            home.add_child(instance=page)
            page.save_revision().publish()
        pages[spec["slug"]] = page
    return pages


def translate(instance, locale, strings):
    """Translate a page or snippet through wagtail-localize, as an editor would in the admin.

    Strings without a translation keep the German text (slugs, for example).
    """
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, entry.msgid)
    translation.import_po(po)
    translation.save_target(publish=True)


def ensure_translations(home, pages, locales):
    for code, strings in content.HOME_TRANSLATIONS.items():
        if (
            not home.has_translation(locales[code])
            or home.get_translation(locales[code]).alias_of_id
        ):
            translate(home, locales[code], strings)
    about = pages["ueber-uns"]
    for code, strings in content.ABOUT_TRANSLATIONS.items():
        existing = about.get_translation_or_none(locales[code])
        if existing is None or existing.alias_of_id:
            translate(about, locales[code], strings)
    for slug in ("kontakt", "impressum", "datenschutz", "barrierefreiheit"):
        page = pages[slug]
        existing = page.get_translation_or_none(locales["en"])
        if existing is None or existing.alias_of_id:
            translate(page, locales["en"], content.PAGES_EN)


def ensure_office_settings(pages):
    site = Site.objects.get(is_default_site=True)
    office = OfficeSettings.for_site(site)
    for field, value in content.OFFICE.items():
        setattr(office, field, value)
    office.residents_reference_date = date(date.today().year - 1, 12, 31)
    office.social_links = [
        ("link", {"label": label, "url": url}) for label, url in content.SOCIAL_LINKS
    ]
    office.imprint_page = pages["impressum"]
    office.privacy_page = pages["datenschutz"]
    office.accessibility_page = pages["barrierefreiheit"]
    office.contact_page = pages["kontakt"]
    office.save()
    return office


def ensure_user(spec):
    User = get_user_model()
    user = User.objects.filter(email=spec["email"]).first()
    if user is None:
        user = User(username=spec["key"], email=spec["email"])
        user.set_password(spec["password"])
    user.first_name, user.last_name = spec["first_name"], spec["last_name"]
    user.is_superuser = user.is_staff = spec["superuser"]
    user.save()
    for name in spec["groups"]:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    EmailAddress.objects.update_or_create(
        user=user, email=spec["email"], defaults={"verified": True, "primary": True}
    )
    login = {"email": spec["email"], "password": spec["password"], "role": spec["key"]}
    if spec["mfa"]:
        totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
        if totp is None:
            TOTP.activate(user, generate_totp_secret())
            RecoveryCodes.activate(user)
            totp = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
        codes = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
        login["totp_secret"] = get_mfa_adapter().decrypt(totp.data["secret"])
        login["recovery_codes"] = RecoveryCodes(codes).get_unused_codes()[:3]
    return login


@transaction.atomic
def build_demo():
    locales = setup.ensure_locales()
    home, created = ensure_home(locales[SOURCE_LANGUAGE])
    pages = ensure_pages(home)
    ensure_office_settings(pages)
    logins = [ensure_user(spec) for spec in content.USERS]
    users = {login["role"]: get_user_model().objects.get(email=login["email"]) for login in logins}
    portal_pages = build_portal_content(home, locales)
    process = build_participation(home, users)
    voting = build_voting(home, users)
    build_intranet(home, users)
    fund_page = build_fund(home, users)
    setup.synchronise_language_trees(locales)
    ensure_translations(home, pages, locales)
    translate_portal_content(portal_pages, locales)
    translate_participation(process, locales)
    translate_voting(voting, locales)
    translate_bodies(home, locales)
    translate_fund(fund_page, locales)
    return {
        "created": created,
        "logins": logins,
        "voting_codes": voting["codes"],
        "code_vote_path": voting["street"].url,
    }
