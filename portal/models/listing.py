"""Shared pieces of index pages: pagination and the field-of-action filter."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField

from portal.taxonomy.selectors import fields_for_active_locale

PAGE_SIZE = 10


def fields_of_action_field():
    return ParentalManyToManyField(
        "taxonomy.FieldOfAction", verbose_name=_("Handlungsfelder"), blank=True, related_name="+"
    )


def paginate(request, queryset, per_page=PAGE_SIZE):
    paginator = Paginator(queryset, per_page)
    try:
        return paginator.page(request.GET.get("seite", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def field_filter(request, queryset):
    """Filter by ?feld=<slug>; returns (queryset, chosen slug, all fields for the form)."""
    fields = fields_for_active_locale()
    slug = request.GET.get("feld", "")
    if slug and any(field.slug == slug for field in fields):
        queryset = queryset.filter(fields_of_action__slug=slug).distinct()
    else:
        slug = ""
    return queryset, slug, fields
