"""Editors' translation work in the admin: translations go through the same review as
originals, and deleting an original says what happens to its language versions.

Review. wagtail-localize's translation editor offers "Publish" to those who may publish
(Leitung, as for originals) and only "Save draft" to the others, with no way to submit the
translation for review. `submit_translation` puts the translated strings into a draft
revision and starts the page's workflow ("Redaktionelle Freigabe", assigned at the root, so
every language tree has it); Leitung approves it like an original and the approval
publishes it. The button sits in the page's "More" menu and in the page listing.

Deletion. `before_delete_page` replaces Wagtail's confirmation for a page that has other
language versions: the person chooses to delete them too or to keep the translations.
Untranslated copies (aliases) only repeat the original and are always deleted with it, so
no German copy stays behind in another language's tree.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log
from wagtail.models import Page

from portal.languages import SOURCE_LANGUAGE


def _translation_of(page):
    from wagtail_localize.models import Translation

    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source")
        .first()
    )


def submission_refusal(page, user):
    """Why `user` cannot submit `page` as a translation for review, or None if they can."""
    if page.locale.language_code == SOURCE_LANGUAGE or page.alias_of_id:
        return _("Nur Übersetzungen werden hier zur Freigabe eingereicht.")
    if not page.permissions_for_user(user).can_edit():
        return _("Sie dürfen diese Seite nicht bearbeiten.")
    if page.get_workflow() is None:
        return _("Für diese Seite ist kein Freigabe-Ablauf eingerichtet.")
    if page.workflow_in_progress:
        return _("Diese Übersetzung wartet bereits auf Freigabe.")
    return None


def can_submit_translation(page, user):
    return submission_refusal(page, user) is None


@transaction.atomic
def submit_translation(page, user):
    """Save the translated strings as a draft revision and start the page's workflow."""
    translation = _translation_of(page)
    if translation is not None:
        translation.save_target(user=user, publish=False)
    page = Page.objects.get(pk=page.pk).specific
    if page.get_latest_revision() is None:
        page.save_revision(user=user)
    return page.get_workflow().start(page, user)


def submit_translation_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    refusal = submission_refusal(page, request.user)
    if refusal is not None:
        if not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        messages.error(request, refusal)
        return redirect("wagtailadmin_pages:edit", page.pk)
    if request.method == "POST":
        submit_translation(page, request.user)
        messages.success(
            request,
            _("Die Übersetzung „%(title)s“ ist zur Freigabe eingereicht.") % {"title": page.title},
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return TemplateResponse(
        request,
        "portal/admin/submit_translation.html",
        {"page": page, "page_title": _("Übersetzung zur Freigabe einreichen")},
    )


def page_buttons(page, user):
    from wagtail.admin.widgets import Button

    if can_submit_translation(page, user):
        yield Button(
            _("Zur Freigabe einreichen"),
            reverse("quartier_submit_translation", args=[page.pk]),
            icon_name="resubmit",
            priority=5,
        )


# Drafts stay drafts -----------------------------------------------------------------------


def keep_translation_drafts_off_live_pages():
    """wagtail-localize's "Save draft" (create_or_update_translation with publish=False)
    writes the translated content onto the page row, which is what visitors see: a draft of
    a live translation, or the first translation of a live untranslated copy, would be
    public at once, without review. Wrap it so that a live page keeps its live content
    (the German copy or the last approved translation) and the translation waits in a
    revision until it is published through the workflow."""
    from wagtail_localize.models import TranslationSource

    if getattr(TranslationSource.create_or_update_translation, "_quartier_wrapped", False):
        return
    original = TranslationSource.create_or_update_translation

    def create_or_update_translation(self, locale, user=None, publish=True, **kwargs):
        with transaction.atomic():
            live = None if publish else _live_content(self, locale)
            result = original(self, locale, user=user, publish=publish, **kwargs)
            if live is not None:
                _restore_live_content(*live)
        return result

    create_or_update_translation._quartier_wrapped = True
    TranslationSource.create_or_update_translation = create_or_update_translation


def _live_content(source, locale):
    """(page id, its live content as JSON) of the live page `source` would write to."""
    page = (
        Page.objects.filter(translation_key=source.object_id, locale=locale, live=True)
        .only("pk")
        .first()
    )
    if page is None:
        return None
    return page.pk, page.specific.serializable_data()


def _restore_live_content(page_id, content):
    page = Page.objects.get(pk=page_id).specific
    live = page.with_content_json(content)
    live.alias_of_id = None
    live.live = True
    live.has_unpublished_changes = True
    live.latest_revision_id = page.latest_revision_id
    live.draft_title = page.draft_title
    live.save(clean=False)


# Deleting an original --------------------------------------------------------------------


class DeleteVersionsForm(forms.Form):
    DELETE = "delete"
    KEEP = "keep"
    versions = forms.ChoiceField(
        label=gettext_lazy("Was soll mit den anderen Sprachfassungen geschehen?"),
        choices=[
            (DELETE, gettext_lazy("Alle Sprachfassungen ebenfalls löschen")),
            (
                KEEP,
                gettext_lazy(
                    "Übersetzungen behalten (sie werden eigenständige Seiten); "
                    "unübersetzte Kopien werden gelöscht"
                ),
            ),
        ],
        widget=forms.RadioSelect,
    )


def other_versions(page):
    """(translations, aliases) of `page` in the other languages, each a list of pages."""
    others = list(
        Page.objects.filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .select_related("locale")
        .order_by("locale__language_code")
    )
    aliases = list(Page.objects.filter(alias_of=page).exclude(pk__in=[p.pk for p in others]))
    translations = [p for p in others if p.alias_of_id != page.pk]
    aliases += [p for p in others if p.alias_of_id == page.pk]
    return translations, aliases


def _delete(page, user):
    from wagtail.actions.delete_page import DeletePageAction

    DeletePageAction(page, user=user).execute(skip_permission_checks=True)


def delete_with_versions(page, user, choice):
    """Delete `page`; its aliases always, its translations when `choice` is DELETE.
    Returns the number of other language versions deleted."""
    translations, aliases = other_versions(page)
    doomed = aliases + (translations if choice == DeleteVersionsForm.DELETE else [])
    with transaction.atomic():
        for other in doomed:
            _delete(Page.objects.get(pk=other.pk), user)
        for kept in translations if choice == DeleteVersionsForm.KEEP else []:
            log(instance=kept, action="wagtail.edit", user=user, content_changed=False)
        _delete(Page.objects.get(pk=page.pk), user)
    return len(doomed)


def before_delete_page(request, page):
    """Ask what happens to the language versions of a page that has some."""
    translations, aliases = other_versions(page)
    if not translations and not aliases:
        return None
    form = DeleteVersionsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        parent = page.get_parent()
        title = page.get_admin_display_title()
        deleted = delete_with_versions(page, request.user, form.cleaned_data["versions"])
        messages.success(
            request,
            _("„%(title)s“ und %(count)s weitere Sprachfassung(en) gelöscht.")
            % {"title": title, "count": deleted},
        )
        return redirect("wagtailadmin_explore", parent.pk)
    return TemplateResponse(
        request,
        "portal/admin/delete_page_versions.html",
        {
            "page": page,
            "translations": translations,
            "aliases": aliases,
            "form": form,
            "page_title": _("Seite und Sprachfassungen löschen"),
        },
    )
