from django.urls import path

from . import notification_views

urlpatterns = [
    path("", notification_views.preferences, name="notifications_preferences"),
    path(
        "abbestellen/<str:token>/", notification_views.unsubscribe, name="notifications_unsubscribe"
    ),
]
