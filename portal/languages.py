"""The languages Quartier ships, with what templates need to know about each.

Django and Wagtail use the codes of settings.LANGUAGES ("de-ls" for Leichte
Sprache). HTML and hreflang need a valid BCP 47 tag, so Leichte Sprache is
written as German with a private-use subtag there: "de-x-ls".
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation

HTML_LANG = {"de-ls": "de-x-ls"}
# Open Graph wants language_TERRITORY; Leichte Sprache is shared as German.
OG_LOCALE = {
    "de": "de_DE",
    "de-ls": "de_DE",
    "en": "en_GB",
    "tr": "tr_TR",
    "ar": "ar_AR",
    "ru": "ru_RU",
    "uk": "uk_UA",
}
SOURCE_LANGUAGE = "de"


@dataclass(frozen=True)
class Language:
    code: str
    native_name: str

    @property
    def html_lang(self):
        return HTML_LANG.get(self.code, self.code)

    @property
    def og_locale(self):
        return OG_LOCALE.get(self.code, self.code.replace("-", "_"))

    @property
    def bidi(self):
        return self.code in settings.LANGUAGES_BIDI


def all_languages():
    return [Language(code, name) for code, name in settings.LANGUAGES]


def get_language_obj(code=None):
    code = code or translation.get_language() or settings.LANGUAGE_CODE
    names = dict(settings.LANGUAGES)
    if code not in names:
        code = translation.get_supported_language_variant(code)
    return Language(code, names[code])


def html_lang(code):
    return HTML_LANG.get(code, code)
