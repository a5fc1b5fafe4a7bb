"""Page privacy in every language (portal/restrictions.py), before Wagtail's own check of
view restrictions (order 0)."""

from wagtail import hooks


@hooks.register("before_serve_page", order=-2)
def password_counts_in_every_language(page, request, serve_args, serve_kwargs):
    from .restrictions import pass_translations_password

    pass_translations_password(page, request)


@hooks.register("before_serve_page", order=-1)
def restricted_in_another_language(page, request, serve_args, serve_kwargs):
    from .restrictions import refusal_for_hidden_page

    return refusal_for_hidden_page(page, request)


@hooks.register("before_serve_page", order=100)
def page_cache_candidate(page, request, serve_args, serve_kwargs):
    """After every check that may refuse the page: the answer may go into the page cache
    (portal/pagecache.py) unless the page is restricted."""
    from .pagecache import mark_page

    mark_page(request, page)


# Translation work (portal/translation_work.py): review for translations, and deleting an
# original with its language versions.


@hooks.register("register_admin_urls")
def translation_work_urls():
    from django.urls import path

    from .translation_work import submit_translation_view

    return [
        path(
            "uebersetzung/<int:page_id>/freigabe/",
            submit_translation_view,
            name="quartier_submit_translation",
        )
    ]


@hooks.register("register_page_header_buttons")
def submit_translation_header_button(page, user, view_name=None, next_url=None):
    from .translation_work import page_buttons

    yield from page_buttons(page, user)


@hooks.register("register_page_listing_more_buttons")
def submit_translation_listing_button(page, user, next_url=None):
    from .translation_work import page_buttons

    yield from page_buttons(page, user)


@hooks.register("before_delete_page")
def ask_about_language_versions(request, page):
    from .translation_work import before_delete_page

    return before_delete_page(request, page)


# The office's texts in every language (portal/models/office_texts.py).


def _register_office_texts():
    from django.utils.translation import gettext_lazy as _
    from wagtail.snippets.models import register_snippet
    from wagtail.snippets.views.snippets import SnippetViewSet

    from .models import OfficeTexts

    class OfficeTextsViewSet(SnippetViewSet):
        model = OfficeTexts
        icon = "time"
        menu_label = _("Öffnungszeiten und Links")
        list_display = ["__str__", "locale"]

    register_snippet(OfficeTextsViewSet)


_register_office_texts()
