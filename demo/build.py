"""Builds the demo neighbourhood from the content in demo/data/. Every step checks first, so
running it twice changes nothing."""

from allauth.account.models import EmailAddress
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.test import override_settings

from core.notifications import muted
from core.tasks import mail_muted
from portal import setup
from portal.editorial import EDITORS, MANAGERS
from portal.languages import SOURCE_LANGUAGE

from . import loader
from .fund_build import build_fund, translate_fund
from .intranet_build import build_intranet, translate_bodies
from .participation_build import build_participation, translate_participation
from .portal_build import build_portal_content, translate_portal_content
from .site_build import ensure_home, ensure_office_settings, ensure_pages, translate_site
from .voting_build import build_voting, translate_voting

IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# The editorial groups of portal.editorial, as data/site.yaml names them.
GROUPS = {"editors": EDITORS, "managers": MANAGERS}


def second_factor(user, login):
    """A TOTP authenticator and recovery codes; their secrets go into the printed login."""
    totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if totp is None:
        TOTP.activate(user, generate_totp_secret())
        RecoveryCodes.activate(user)
        totp = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    codes = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    login["totp_secret"] = get_mfa_adapter().decrypt(totp.data["secret"])
    login["recovery_codes"] = RecoveryCodes(codes).get_unused_codes()[:3]


def ensure_user(spec):
    User = get_user_model()
    user = User.objects.filter(email=spec["email"]).first()
    if user is None:
        user = User(username=spec["key"], email=spec["email"])
        user.set_password(spec["password"])
    user.first_name, user.last_name = spec["first_name"], spec["last_name"]
    user.display_name = spec.get("display_name", "")
    user.is_superuser = user.is_staff = spec["superuser"]
    user.save()
    for key in spec["groups"]:
        user.groups.add(Group.objects.get_or_create(name=GROUPS[key])[0])
    EmailAddress.objects.update_or_create(
        user=user, email=spec["email"], defaults={"verified": True, "primary": True}
    )
    login = {"email": spec["email"], "password": spec["password"], "role": spec["key"]}
    if spec["mfa"]:
        second_factor(user, login)
    return login


def build_demo():
    """The whole neighbourhood; returns whether it was created now, the logins to print and
    two unused voting codes.

    The worker's queue stays empty for what happens after `make run`: the background work
    of loading (search and reference index updates, text extraction: about 2,000 tasks)
    runs here, at once, and nobody is mailed about what the demo's fictional people do
    (notices and mails are muted for the whole transaction: they go out on commit)."""
    with muted(), mail_muted(), override_settings(TASKS=IMMEDIATE_TASKS):
        return _build_demo()


@transaction.atomic
def _build_demo():
    locales = setup.ensure_locales()
    home, created = ensure_home(locales[SOURCE_LANGUAGE])
    pages = ensure_pages(home)
    ensure_office_settings(pages)
    logins = [ensure_user(spec) for spec in loader.load("site")["users"]]
    users = {login["role"]: get_user_model().objects.get(email=login["email"]) for login in logins}
    portal_pages = build_portal_content(home)
    process = build_participation(home, users)
    voting = build_voting(home, users)
    build_intranet(home, users)
    fund_page = build_fund(home, users)
    setup.synchronise_language_trees(locales)
    translate_site(home, pages, locales)
    translate_portal_content(portal_pages, locales)
    translate_participation(process, locales)
    translate_voting(voting, locales)
    translate_bodies(home, locales)
    translate_fund(fund_page, locales)
    return {
        "created": created,
        "logins": logins,
        "voting_codes": voting["codes"],
        "code_vote_path": voting["code_vote"].url,
    }
