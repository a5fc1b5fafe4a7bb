from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import AccessibilityFeedback


class AccessibilityFeedbackViewSet(ModelViewSet):
    model = AccessibilityFeedback
    icon = "help"
    menu_label = _("Barrieren-Meldungen")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["received_at", "answer_due", "is_overdue", "done", "page_url"]
    list_filter = ["done"]
    form_fields = ["done", "notes"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "received_at",
        "answer_due",
        "page_url",
        "message",
        "name",
        "email",
        "language",
        "done",
        "done_at",
        "notes",
    ]


@hooks.register("register_admin_viewset")
def register_feedback_viewset():
    return AccessibilityFeedbackViewSet("accessibility_feedback")
