"""Small helpers the world builders share."""

from django.core.files.base import ContentFile
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from portal import setup
from portal.models import HomePage


def home():
    return HomePage.objects.get(locale__language_code="de")


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def stream(*blocks):
    """A body: strings are paragraphs, ("h2", text) are headings."""
    data = []
    for block in blocks:
        if isinstance(block, tuple):
            data.append(("heading", {"text": block[1], "level": block[0]}))
        else:
            data.append(("paragraph", f"<p>{block}</p>"))
    return data


def synchronise():
    """New German pages appear in the other language trees (as aliases), as in the office,
    where wagtail-localize does this when an editor creates a page."""
    setup.synchronise_language_trees(setup.ensure_locales())


def translate(instance, language, strings):
    """Translate a page or snippet through wagtail-localize, as an editor would in the
    admin; strings without a translation keep the German text (slugs, for example)."""
    locale = Locale.objects.get(language_code=language)
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, entry.msgid)
    translation.import_po(po)
    translation.save_target(publish=True)


def pdf_file(name, title, line):
    """A one-page PDF whose text can be extracted (documents, receipts)."""
    from demo.pdf import simple_pdf

    return ContentFile(simple_pdf(title, line), name=name)
