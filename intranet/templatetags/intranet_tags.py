from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def intranet_url(context):
    """The intranet's address for people who may enter it, else an empty string."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    from intranet import rules
    from intranet.models import IntranetIndexPage

    if not rules.is_intranet_user(user):
        return ""
    index = IntranetIndexPage.objects.live().filter(locale__language_code="de").first()
    return index.url if index else ""


@register.simple_tag
def fields(**values):
    """The given names and values as a dict, for components that take one, e.g. the hidden
    fields of `components/action_button.html`: `{% fields item=item.pk as hidden %}`."""
    return values
