from wagtail import hooks


@hooks.register("before_serve_page", order=-2)
def password_counts_in_every_language(page, request, serve_args, serve_kwargs):
    """Runs before Wagtail's own check of view restrictions (portal/restrictions.py)."""
    from .restrictions import pass_translations_password

    pass_translations_password(page, request)
