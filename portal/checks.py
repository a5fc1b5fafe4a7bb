"""System checks for settings that are easy to get wrong in production."""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured


@checks.register(checks.Tags.security)
def trusted_proxies_are_addresses(app_configs, **kwargs):
    """Every TRUSTED_PROXIES entry must be an address or a network."""
    from core.ratelimit import trusted_networks

    try:
        trusted_networks()
    except ImproperlyConfigured as error:
        return [
            checks.Error(
                str(error),
                hint="Use IP addresses or CIDR networks, e.g. 127.0.0.1,10.0.0.0/8.",
                id="quartier.E001",
            )
        ]
    return []


@checks.register(checks.Tags.security, deploy=True)
def trusted_proxies_behind_a_proxy(app_configs, **kwargs):
    """A site that trusts X-Forwarded-Proto runs behind a proxy: without TRUSTED_PROXIES,
    every visitor shares the proxy's address in the rate limits."""
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and not getattr(
        settings, "QUARTIER_TRUSTED_PROXIES", None
    ):
        return [
            checks.Warning(
                "TRUSTED_PROXIES is empty although the site runs behind a proxy "
                "(SECURE_PROXY_SSL_HEADER is set): rate limits would count every visitor "
                "as the proxy, so one person could lock out everyone.",
                hint="Set TRUSTED_PROXIES to the proxy's address (docs/operations.md).",
                id="quartier.W001",
            )
        ]
    return []
