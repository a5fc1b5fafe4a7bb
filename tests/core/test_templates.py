"""Rules every page template keeps, checked on the sources (the CSP would silently drop what
breaks them in a browser)."""

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
# Rendered to PDF by WeasyPrint or sent as e-mail, never shown under the site's CSP.
NOT_IN_BROWSER = re.compile(r"(_pdf\.html|code_sheet\.html|/email/.*)$")


def page_templates():
    for path in sorted(TEMPLATES.rglob("*.html")):
        relative = path.relative_to(TEMPLATES).as_posix()
        if not NOT_IN_BROWSER.search(relative):
            yield relative, path.read_text(encoding="utf-8")


def test_no_inline_style_attributes():
    """`style-src 'self'` blocks style attributes: use classes in static/css/quartier.css."""
    offenders = [name for name, text in page_templates() if re.search(r"\sstyle=", text)]
    assert offenders == []


def test_no_inline_scripts_or_event_handlers():
    offenders = []
    for name, text in page_templates():
        if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text) or re.search(r"\son[a-z]+=\"", text):
            offenders.append(name)
    assert offenders == []


def test_comments_spanning_lines_use_the_comment_tag():
    """Django's {# #} ends at the line; a longer one prints its text onto the page."""
    offenders = [name for name, text in page_templates() if re.search(r"\{#(?:(?!#\}).)*\n", text)]
    assert offenders == []
