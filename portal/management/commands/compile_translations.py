from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def compile_catalogue(po_path, base_path=None):
    """Compile one .po file; a variant (de_LS) inherits entries of its base language (de)
    that it lacks, because Django does not fall back from a variant to the base language's
    project catalogue."""
    po = polib.pofile(str(po_path))
    if base_path is not None and base_path.exists():
        own = {(entry.msgctxt, entry.msgid) for entry in po}
        for entry in polib.pofile(str(base_path)).translated_entries():
            if (entry.msgctxt, entry.msgid) not in own:
                po.append(entry)
    po.save_as_mofile(str(po_path.with_suffix(".mo")))


class Command(BaseCommand):
    help = "Compiles every locale/*/LC_MESSAGES/*.po to .mo with polib (no GNU gettext needed)."

    def handle(self, *args, **options):
        count = 0
        for locale_path in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po")):
                language = po_path.parent.parent.name
                base_path = None
                if "_" in language:
                    base_path = (
                        Path(locale_path)
                        / language.split("_")[0]
                        / po_path.relative_to(po_path.parent.parent)
                    )
                mo_path = po_path.with_suffix(".mo")
                sources = [po_path] + ([base_path] if base_path and base_path.exists() else [])
                newest = max(path.stat().st_mtime for path in sources)
                if mo_path.exists() and mo_path.stat().st_mtime >= newest:
                    continue
                compile_catalogue(po_path, base_path)
                count += 1
        self.stdout.write(f"Compiled {count} translation catalogue(s).")
