from django.urls import path

from . import views

urlpatterns = [
    path("", views.overview, name="account_overview"),
    path("delete/", views.request_deletion, name="account_request_deletion"),
]
