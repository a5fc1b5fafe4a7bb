from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

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


@hooks.register("register_admin_viewset")
def register_deletion_request_viewset():
    return deletion_request_viewset


@hooks.register("register_settings_menu_item")
def register_deletion_request_menu_item():
    return deletion_request_viewset.get_menu_item()
