"""Wagtail's user admin without user names: people appear by full name, else e-mail address.

The internal user name is opaque ("u" + hex, see models.opaque_username) and meaningless to
the office, so the listing drops its column, searches and sorts by name and e-mail, and the
create and edit forms neither ask for it nor show it (a new account gets an opaque one).
Installed through portal.accounts.wagtail_users (INSTALLED_APPS, in place of "wagtail.users").
"""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users


def display_name(user):
    """Full name, else e-mail address; never the internal user name."""
    return user.get_full_name().strip() or user.email


class NamelessFormMixin:
    """Wagtail's user forms without the user-name field."""

    separate_username_field = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail's __init__ needs the field; once gone, the form neither shows nor saves it
        # and User.save() gives a new account an opaque one.
        del self.fields["username"]


class OfficeUserCreationForm(NamelessFormMixin, UserCreationForm):
    pass


class OfficeUserEditForm(NamelessFormMixin, UserEditForm):
    pass


class IndexView(users.IndexView):
    @cached_property
    def columns(self):
        columns = []
        for column in super().columns:
            if column.name == "username":
                column = Column(
                    "email",
                    label=_("E-Mail-Adresse"),
                    sort_key="email",
                    classname="username",
                    width="20%",
                )
            elif column.name == "name":
                column.accessor = display_name
            columns.append(column)
        return columns

    @cached_property
    def search_fields(self):
        return ["first_name", "last_name", "email"]


class UserViewSet(users.UserViewSet):
    ordering = ["last_name", "first_name", "email"]
    index_view_class = IndexView

    def get_form_class(self, for_update=False):
        return OfficeUserEditForm if for_update else OfficeUserCreationForm
