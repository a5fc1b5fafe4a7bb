from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The shared kernel: permission decisions and refusals, notifications, uploads,
    exports, rate limits and the template components every app uses."""

    name = "core"
    verbose_name = _("Grundfunktionen")

    def ready(self):
        from . import files_retention
        from .notifications import privacy

        privacy.register()
        files_retention.register()

        from . import privacy as registry
        from .ratelimit import purge_counters

        registry.register_purger(
            "ratelimit.counters", "RATELIMIT_FALLBACK_RETENTION_DAYS", purge_counters
        )

        from .holding import purge_held_uploads

        registry.register_purger("core.held_uploads", "HELD_UPLOAD_HOURS", purge_held_uploads)

        from django.core import checks

        from .files import check_private_root

        checks.register(check_private_root)
