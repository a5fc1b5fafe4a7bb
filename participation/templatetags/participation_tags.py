from django import template

from participation.selectors import displayed

register = template.Library()


@register.simple_tag(takes_context=True)
def shown(context, proposal):
    """Title and text in the visitor's language where a translation exists, else the original.

    `?original=1` on the page shows the original even where a translation exists."""
    request = context.get("request")
    if request is not None and request.GET.get("original") == "1":
        return {
            "title": proposal.title,
            "description": proposal.description,
            "language": proposal.language,
            "translation": None,
        }
    title, description, language, translation = displayed(proposal)
    return {
        "title": title,
        "description": description,
        "language": language,
        "translation": translation,
    }
