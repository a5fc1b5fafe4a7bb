"""An editor's translation goes through review: Redaktion translates a page and submits
the translation, Leitung approves it, and it is published in that language."""

from django.contrib.auth.models import Group

from .conftest import assert_accessible
from .world import PASSWORD, office_staff, resident
from .world.accounts import with_second_factor

TITLE = "Hoffest im Juni"
ENGLISH = "Yard party in June"


def manager(email):
    from portal.editorial import MANAGERS

    user = resident(email)
    user.groups.add(Group.objects.get(name=MANAGERS))
    return with_second_factor(user, recovery_codes=True)


def editor(email):
    """Redaktion (office_staff has TOTP already), with recovery codes to log in with."""
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    user = office_staff(email)
    RecoveryCodes.activate(user)
    return user


def page_with_draft_translation(user):
    """A German page, and its English translation saved as a draft in wagtail-localize's
    editor by `user` (the React editor itself is wagtail-localize's, tested there)."""
    from wagtail_localize.models import Translation, TranslationSource

    from tests.portal.factories import ContentPageFactory, locale

    original = ContentPageFactory(title=TITLE, slug="hoffest-juni")
    source, _created = TranslationSource.get_or_create_from_instance(original)
    translation = Translation.objects.create(source=source, target_locale=locale("en"))
    po = translation.export_po()
    for entry in po:
        entry.msgstr = ENGLISH if entry.msgid == TITLE else entry.msgid
    translation.import_po(po)
    translation.save_target(user=user, publish=False)
    return original, original.get_translation(locale("en"))


def admin_log_in(page, site, user):
    from allauth.mfa.models import Authenticator
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    codes = Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)
    page.context.clear_cookies()
    page.goto(site.url + "/de/accounts/login/?next=/admin/")
    page.get_by_label("E-Mail").fill(user.email)
    page.get_by_label("Passwort").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/accounts/2fa/authenticate/**")
    page.locator("#id_code").fill(RecoveryCodes(codes).get_unused_codes()[0])
    page.locator("#id_code").press("Enter")
    page.wait_for_url("**/admin/")


def test_editor_translation_goes_through_review(visit, page, site, build_world, portal_world):
    redaktion = build_world(editor, "e2e.redaktion.uebersetzung@example.org")
    leitung = build_world(manager, "e2e.leitung.uebersetzung@example.org")
    _original, english = build_world(page_with_draft_translation, redaktion)

    visit("/en/hoffest-juni/")
    assert ENGLISH not in page.content()

    # Redaktion submits the translation
    admin_log_in(page, site, redaktion)
    # (the page listing's "More" menu links here: tests/portal/test_translation_work.py)
    page.goto(site.url + f"/admin/uebersetzung/{english.pk}/freigabe/")
    page.get_by_role("button", name="Zur Freigabe einreichen").click()
    page.wait_for_url(f"**/admin/pages/{english.get_parent().pk}/")
    assert "zur Freigabe eingereicht" in page.content()

    # Leitung approves it on the dashboard
    admin_log_in(page, site, leitung)
    approve = page.locator(
        f'[data-workflow-action-url*="/workflow/action/{english.pk}/approve/"]:not([data-launch-modal])'
    )
    # the actions sit in the row's dropdown
    toggle = page.locator("tr").filter(has=approve).locator('[data-w-dropdown-target="toggle"]')
    if toggle.count():
        toggle.first.click()
    if approve.first.is_visible():
        approve.first.click()
    else:
        approve.first.dispatch_event("click")
    page.wait_for_load_state("networkidle")
    for _attempt in range(50):
        if build_world(lambda: type(english).objects.get(pk=english.pk).title) == ENGLISH:
            break
        page.wait_for_timeout(200)

    # published in English
    visit("/en/hoffest-juni/")
    assert ENGLISH in page.locator("h1").inner_text()
    assert_accessible(page)
