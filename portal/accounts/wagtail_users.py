"""wagtail.users with our user viewset (portal.accounts.users_admin): no user names shown.

Its own module because INSTALLED_APPS imports it before the models are ready."""

from wagtail.users.apps import WagtailUsersAppConfig


class WagtailUsersConfig(WagtailUsersAppConfig):
    user_viewset = "portal.accounts.users_admin.UserViewSet"
