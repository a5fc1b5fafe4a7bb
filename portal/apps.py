from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from django.db.models.signals import post_migrate

        from core.identity import register_office_provider

        from . import checks  # noqa: F401 - registers the system checks
        from .editorial import ensure_editorial_setup
        from .office import office_identity

        register_office_provider(office_identity)

        # After the last app's post_migrate, when every permission exists.
        post_migrate.connect(ensure_editorial_setup, dispatch_uid="quartier_editorial_setup")
        self.connect_restriction_sync()
        from .pagecache import connect_signals

        connect_signals()
        # Translation drafts wait for review instead of going live (portal/translation_work.py).
        from .translation_work import keep_translation_drafts_off_live_pages

        keep_translation_drafts_off_live_pages()

    @staticmethod
    def connect_restriction_sync():
        """A view restriction applies to the page's translations and aliases too
        (portal/restrictions.py)."""
        from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
        from wagtail.models import PageViewRestriction

        from . import restrictions

        post_save.connect(
            restrictions.restriction_saved,
            sender=PageViewRestriction,
            dispatch_uid="quartier_restriction_saved",
        )
        post_delete.connect(
            restrictions.restriction_deleted,
            sender=PageViewRestriction,
            dispatch_uid="quartier_restriction_deleted",
        )
        m2m_changed.connect(
            restrictions.restriction_groups_changed,
            sender=PageViewRestriction.groups.through,
            dispatch_uid="quartier_restriction_groups",
        )
        post_migrate.connect(
            restrictions.sync_after_migrate, dispatch_uid="quartier_restriction_sync_all"
        )
        # Pages are saved as their specific class: listen to every sender, act on pages.
        post_save.connect(restrictions.page_created, dispatch_uid="quartier_restriction_new_page")
