from django import template

register = template.Library()


@register.simple_tag
def fields(**values):
    """The given names and values as a dict, for components that take one, e.g. the hidden
    fields of `components/action_button.html`: `{% fields item=item.pk as hidden %}`."""
    return values
