"""The office's identity from the site settings (OfficeSettings), for core.identity."""

from wagtail.models import Site


def office_site_for(site_id=None):
    if site_id is not None:
        site = Site.objects.filter(pk=site_id).first()
        if site is not None:
            return site
    return Site.objects.filter(is_default_site=True).first()


def office_identity(site_id=None):
    """core.identity's provider: the Office of the given site, else the default site."""
    from .models import OfficeSettings

    site = office_site_for(site_id)
    if site is None:
        return None
    return OfficeSettings.for_site(site).identity()
