from django.contrib import messages
from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from core import privacy
from core.models import DeletionReason

from .models import DeletionRequest


class DeletionRequestViewSet(ModelViewSet):
    model = DeletionRequest
    url_namespace = "accounts_deletionrequest"
    menu_label = _("Löschanträge")
    icon = "bin"
    add_to_admin_menu = False
    list_display = ["user", "requested_at", "completed_at"]
    list_filter = ["completed_at"]
    form_fields = ["completed_at"]
    inspect_view_enabled = True
    inspect_view_fields = ["user", "reason", "requested_at", "completed_at"]


deletion_request_viewset = DeletionRequestViewSet("deletion_requests")


@hooks.register("insert_global_admin_css")
def admin_css():
    """Our few admin styles (static/css/admin.css): a stylesheet, as the admin's CSP wants."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("register_admin_viewset")
def register_deletion_request_viewset():
    return deletion_request_viewset


@hooks.register("register_settings_menu_item")
def register_deletion_request_menu_item():
    return deletion_request_viewset.get_menu_item()


# --- Deleting accounts in the admin goes through core.privacy ------------------------------
# Wagtail's user admin would call `user.delete()`, which cascades through records that must
# stay (attendance in minutes, votes in closed circulations) and leaves no deletion log.


@hooks.register("before_delete_user")
def delete_user_with_erasure(request, user):
    if request.method != "POST":
        return None
    privacy.delete_account(user, reason=DeletionReason.OFFICE)
    messages.success(
        request,
        _("Das Konto ist gelöscht; Beiträge und Protokolle bleiben ohne persönliche Daten."),
    )
    return redirect("wagtailusers_users:index")


@hooks.register("before_bulk_action")
def erase_before_bulk_user_deletion(request, action_type, objects, action_class_instance):
    if action_type != "delete" or action_class_instance.model is not get_user_model():
        return None
    for user in objects:
        privacy.log_deletion(privacy.erase(user), reason=DeletionReason.OFFICE)
    return None
