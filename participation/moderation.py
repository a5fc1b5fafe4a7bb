"""Admin forms for moderation: the rules module decides, Wagtail's audit log records."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from . import rules


class ModerationForm(WagtailAdminModelForm):
    """Hide or restore with a public reason; nobody moderates their own content."""

    def clean(self):
        data = super().clean()
        decision = rules.can_moderate(self.for_user, self.instance)
        if not decision:
            raise ValidationError(decision.reason)
        if data.get("hidden") and not (data.get("hidden_reason") or "").strip():
            self.add_error(
                "hidden_reason", _("Bitte nennen Sie einen Grund; er wird öffentlich angezeigt.")
            )
        return data

    def save(self, commit=True):
        instance = super().save(commit)
        if instance._meta.model_name == "proposal":
            from .services import _sync_files_on_commit  # services import this module's app

            _sync_files_on_commit(instance)  # hidden: its files go private; restored: public
        return instance


class BlockForm(WagtailAdminModelForm):
    def clean(self):
        data = super().clean()
        person = data.get("user")
        if person is not None:
            decision = rules.can_block(self.for_user, person)
            if not decision:
                raise ValidationError(decision.reason)
        return data

    def save(self, commit=True):
        self.instance.blocked_by = self.for_user
        return super().save(commit)
