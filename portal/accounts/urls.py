from django.urls import path

from . import views

urlpatterns = [
    path("", views.overview, name="account_overview"),
    path("daten/", views.my_data, name="account_my_data"),
    path("anzeigename/", views.display_name, name="account_display_name"),
    path("delete/", views.delete_account, name="account_request_deletion"),
]
