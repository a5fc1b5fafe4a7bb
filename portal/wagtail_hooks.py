"""Page privacy in every language (portal/restrictions.py), before Wagtail's own check of
view restrictions (order 0)."""

from wagtail import hooks


@hooks.register("before_serve_page", order=-2)
def password_counts_in_every_language(page, request, serve_args, serve_kwargs):
    from .restrictions import pass_translations_password

    pass_translations_password(page, request)


@hooks.register("before_serve_page", order=-1)
def restricted_in_another_language(page, request, serve_args, serve_kwargs):
    from .restrictions import refusal_for_hidden_page

    return refusal_for_hidden_page(page, request)


@hooks.register("before_serve_page", order=100)
def page_cache_candidate(page, request, serve_args, serve_kwargs):
    """After every check that may refuse the page: the answer may go into the page cache
    (portal/pagecache.py) unless the page is restricted."""
    from .pagecache import mark_page

    mark_page(request, page)
