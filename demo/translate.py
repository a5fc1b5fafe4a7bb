"""Translates demo pages and snippets through wagtail-localize, as an editor would in the
admin, with the texts of demo/data/translations/<language>.yaml."""

from wagtail_localize.models import Translation, TranslationSource

from . import loader


def pairs(source, target):
    """{German string: translation} for two structures of the same shape: mappings are
    paired by key, lists by position."""
    found = {}
    if isinstance(source, str) and isinstance(target, str):
        if source and target:
            found[source] = target
    elif isinstance(source, dict) and isinstance(target, dict):
        for key, value in source.items():
            found.update(pairs(value, target.get(key)))
    elif isinstance(source, list) and isinstance(target, list):
        for left, right in zip(source, target, strict=False):
            found.update(pairs(left, right))
    return found


def translate(instance, locale, strings):
    """Strings without a translation keep the German text (slugs, for example)."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    # plain-text fields reach the catalogue with their line breaks as <br/>
    strings = strings | {
        german.replace("\n", "<br/>"): translated.replace("\n", "<br/>")
        for german, translated in strings.items()
        if "\n" in german
    }
    po = translation.export_po()
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, entry.msgid)
    translation.import_po(po)
    translation.save_target(publish=True)


def translate_everywhere(instance, source, locales, section, key=None):
    """Translate `instance`, built from the German `source`, into every language whose file
    has `section` (or `section: {key: …}`); a language that already has its own version of
    `instance` is left alone."""
    for code, locale in locales.items():
        target = loader.translation(code, section, key)
        if not target:
            continue
        existing = instance.get_translation_or_none(locale)
        if existing is None or getattr(existing, "alias_of_id", None):
            translate(instance, locale, pairs(source, target))
