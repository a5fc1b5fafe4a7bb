from django.conf import settings

from .languages import all_languages, get_language_obj


def languages(request):
    """The visitor's language (for <html lang dir>) and the list for the switcher."""
    current = get_language_obj()
    return {
        "current_language": current,
        "site_languages": all_languages(),
        "honeypot_field": settings.ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD,
    }
