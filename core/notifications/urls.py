from django.urls import path

from . import views

urlpatterns = [
    path("", views.preferences, name="notifications_preferences"),
    path("abbestellen/<str:token>/", views.unsubscribe, name="notifications_unsubscribe"),
]
