"""Turns the demo's plain texts into the rich text and body blocks the pages store."""


def paragraph(text):
    return f"<p>{text}</p>"


def paragraphs(items):
    return "".join(paragraph(item) for item in items)


def bullets(items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def rich_text(blocks):
    """[{paragraph: text}, {list: [items]}] as one rich text value."""
    html = []
    for block in blocks:
        ((kind, value),) = block.items()
        html.append(bullets(value) if kind == "list" else paragraph(value))
    return "".join(html)


def stream(blocks):
    """[{heading: text}, {paragraph: text}] as body StreamField data."""
    data = []
    for block in blocks:
        ((kind, value),) = block.items()
        if kind == "heading":
            data.append(("heading", {"text": value, "level": "h2"}))
        else:
            data.append(("paragraph", paragraph(value)))
    return data
