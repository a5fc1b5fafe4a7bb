"""The lean voting endpoint: `/<lang>/stimmabgabe/<page id>/` reaches the ballot view
without Wagtail's page routing (page privacy and publication are still checked)."""

from django.urls import path

from . import views

urlpatterns = [path("<int:pk>/", views.cast_entry, name="vote_cast")]
