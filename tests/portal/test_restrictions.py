"""Restricted pages stay restricted in every language (portal/restrictions.py).

A matrix of restriction kind × language × output: an anonymous visitor finds the restricted
news article and event nowhere (page, listing, feed, calendar, sitemap, search, language
links); a visitor the restriction admits sees it where the output is personal (page,
listing, language links), while the public outputs (feeds, calendars, sitemap, search) stay
public for everyone. A public article and event beside them prove each output works.
"""

import re
from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.core.management import call_command
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail_localize.synctree import create_aliases_for_new_page

from portal.models import ContentPage
from portal.news.models import NewsArticlePage
from portal.restrictions import visible

from .factories import (
    ContentPageFactory,
    EventPageFactory,
    NewsArticlePageFactory,
    UserFactory,
    german_home,
    paragraphs,
    translate,
)

pytestmark = pytest.mark.django_db

KINDS = ["login", "groups", "password"]
LANGUAGES = ["de", "en", "ar", "de-ls"]
ALL_LANGUAGES = ["de", "de-ls", "en", "tr", "ar", "ru", "uk"]
PASSWORD = "Fliederbusch-7"
GROUP = "Nachbarschaftsrat"
# A word per kind that appears only in the restricted article (for the search).
SEARCH_WORDS = {"login": "Quittengelee", "groups": "Mirabellenmus", "password": "Holunderblüte"}
TITLES = {
    "en": "Secret matter {kind}",
    "ar": "مسألة سرية {kind}",
}
EVENT_TITLES = {"en": "Secret meeting {kind}", "ar": "اجتماع سري {kind}"}


@dataclass
class Secret:
    kind: str
    article: NewsArticlePage
    event: Page
    titles: dict = field(default_factory=dict)
    event_titles: dict = field(default_factory=dict)

    def in_language(self, page, lang):
        return page.get_translation(Locale.objects.get(language_code=lang))

    def url(self, lang):
        return self.in_language(self.article, lang).url

    def all_urls(self):
        urls = []
        for lang in ALL_LANGUAGES:
            urls.append(self.in_language(self.article, lang).url)
            urls.append(self.in_language(self.event, lang).url)
        return urls

    def markers(self, lang):
        """What must not leak in `lang`: titles, the search word, the pages' addresses."""
        return [
            self.titles[lang],
            self.event_titles[lang],
            SEARCH_WORDS[self.kind],
            *self.all_urls(),
        ]


def restrict(page, kind, group=None):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password=PASSWORD if kind == "password" else ""
    )
    if kind == "groups":
        restriction.groups.set([group])
    return restriction


def translated(page, lang, titles, kind):
    """Translate `page` into `lang` with the title of `titles`; returns the title."""
    title = titles[lang].format(kind=kind)
    translate(page, lang, {page.title: title})
    return title


@pytest.fixture(scope="module")
def site(module_db):
    """Per kind a restricted article and event: translated into Arabic before the
    restriction was set on the German original, into English after it; Leichte Sprache and
    the other languages show the German original as aliases. Plus a public article and
    event, a member of the group and a resident who is not."""
    group = Group.objects.create(name=GROUP)
    member = UserFactory()
    member.groups.add(group)
    public_article = NewsArticlePageFactory(
        title="Offene Sprechstunde", intro="Jeden Montag im Stadtteilbüro."
    )
    public_event = EventPageFactory(title="Hoffest im Sommer")
    secrets = {}
    for kind in KINDS:
        article = NewsArticlePageFactory(
            title=f"Geheimsache {kind}",
            intro=f"Nur für Berechtigte: {SEARCH_WORDS[kind]}.",
            body=paragraphs("Vertraulicher Inhalt."),
        )
        event = EventPageFactory(title=f"Geheimtreffen {kind}", days=5)
        secret = Secret(kind=kind, article=article, event=event)
        for lang in ("de", "de-ls"):
            secret.titles[lang] = article.title
            secret.event_titles[lang] = event.title
        secret.titles["ar"] = translated(article, "ar", TITLES, kind)
        secret.event_titles["ar"] = translated(event, "ar", EVENT_TITLES, kind)
        restrict(article, kind, group)
        restrict(event, kind, group)
        secret.titles["en"] = translated(article, "en", TITLES, kind)
        secret.event_titles["en"] = translated(event, "en", EVENT_TITLES, kind)
        secrets[kind] = secret
    return {
        "secrets": secrets,
        "public_article": public_article,
        "public_event": public_event,
        "member": member,
        "resident": UserFactory(),
    }


def pass_password(client, url):
    """Enter the shared password as a visitor does: the page shows the form, the form posts
    to Wagtail's password view, which remembers it in the session."""
    response = client.get(url)
    assert response.status_code == 200
    action = re.search(r'action="([^"]+)"', response.content.decode())[1]
    answer = client.post(action, {"password": PASSWORD, "return_url": url})
    assert answer.status_code == 302


def admit(client, site, kind, lang):
    """Make `client` someone the restriction of `kind` admits."""
    if kind == "login":
        client.force_login(site["resident"])
    elif kind == "groups":
        client.force_login(site["member"])
    else:
        pass_password(client, site["secrets"][kind].url(lang))


def text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def search_hits(client, lang, query):
    response = client.get(f"/{lang}/suche/", {"q": query})
    assert response.status_code == 200
    results = response.context["results"]
    return " ".join(
        f"{hit.url} {hit.title} {hit.snippet}" for hit in (results.hits if results else [])
    )


def output(client, site, name, lang):
    """The text of an output in `lang`, and what a public page shows there (the control)."""
    public = site["public_article"].get_translation(Locale.objects.get(language_code=lang))
    public_event = site["public_event"].get_translation(Locale.objects.get(language_code=lang))
    if name == "listing":
        body = text(client.get(f"/{lang}/neuigkeiten/")) + text(client.get(f"/{lang}/termine/"))
        return body, [public.title, public_event.title]
    if name == "feed":
        body = text(client.get(f"/{lang}/neuigkeiten/feed/rss/")) + text(
            client.get(f"/{lang}/neuigkeiten/feed/atom/")
        )
        return body, [public.title, public.url]
    if name == "calendar":
        return text(client.get(f"/{lang}/termine/kalender/")), [public_event.title]
    if name == "sitemap":
        # Aliases stay out of the sitemap: the German originals stand for them.
        body = text(client.get("/sitemap.xml"))
        return body, [site["public_article"].url, site["public_event"].url]
    if name == "search":
        # The results only: the page repeats the query ("Suche nach …").
        body = "".join(
            search_hits(client, lang, word) for word in [*SEARCH_WORDS.values(), "Stadtteilbüro"]
        )
        return body, [public.url]
    if name == "switcher":
        return text(client.get(public.url)), [
            site["public_article"].get_translation(Locale.objects.get(language_code=other)).url
            for other in ALL_LANGUAGES
        ]
    raise AssertionError(name)


PUBLIC_OUTPUTS = ["feed", "calendar", "sitemap", "search"]


@pytest.mark.parametrize("name", ["listing", *PUBLIC_OUTPUTS, "switcher"])
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_anonymous_finds_it_nowhere(client, site, kind, lang, name):
    body, controls = output(client, site, name, lang)
    for control in controls:
        assert control in body, f"{name} in {lang} should show {control!r}"
    for marker in site["secrets"][kind].markers(lang):
        assert marker not in body, f"{name} in {lang} leaks {marker!r}"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_anonymous_cannot_open_it(client, site, kind, lang):
    secret = site["secrets"][kind]
    for page in (secret.article, secret.event):
        url = secret.in_language(page, lang).url
        for path in (url, url + "ical/") if page is secret.event else (url,):
            response = client.get(path)
            body = response.content.decode()
            if kind == "password":
                assert response.status_code == 200
                assert 'name="password"' in body
            else:
                assert response.status_code == 302
                assert "/accounts/login/?next=" in response["Location"]
            assert secret.titles[lang] not in body
            assert secret.event_titles[lang] not in body
            assert "Vertraulicher Inhalt" not in body
            assert "BEGIN:VEVENT" not in body


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", KINDS)
def test_admitted_visitor_sees_page_listing_and_language_links(client, site, kind, lang):
    secret = site["secrets"][kind]
    admit(client, site, kind, lang)
    page = text(client.get(secret.url(lang)))
    assert secret.titles[lang] in page
    # The language switcher leads to the same page in every language.
    for other in ALL_LANGUAGES:
        assert f'href="{secret.url(other)}"' in page
    listing = text(client.get(f"/{lang}/neuigkeiten/")) + text(client.get(f"/{lang}/termine/"))
    assert secret.titles[lang] in listing
    assert secret.event_titles[lang] in listing or kind == "password"


@pytest.mark.parametrize("name", PUBLIC_OUTPUTS)
@pytest.mark.parametrize("kind", KINDS)
def test_public_outputs_stay_public_for_admitted_visitors(client, site, kind, name):
    """Feeds, calendars, the sitemap and the search are read by machines and shared: they
    list only what anyone may see, whoever asks."""
    admit(client, site, kind, "en")
    body, _controls = output(client, site, name, "en")
    for marker in site["secrets"][kind].markers("en"):
        assert marker not in body


def test_group_restriction_refuses_people_outside_the_group(client, site):
    secret = site["secrets"]["groups"]
    client.force_login(site["resident"])
    for lang in LANGUAGES:
        assert client.get(secret.url(lang)).status_code in (302, 403)
        listing = text(client.get(f"/{lang}/neuigkeiten/"))
        assert secret.titles[lang] not in listing


def test_password_entered_in_one_language_counts_in_the_others(client, site):
    secret = site["secrets"]["password"]
    pass_password(client, secret.url("de"))
    for lang in LANGUAGES:
        assert secret.titles[lang] in text(client.get(secret.url(lang)))


# --- the sync --------------------------------------------------------------------------


def restrictions_of(page):
    return sorted(
        (restriction.restriction_type, restriction.password, *restriction.groups.all())
        for restriction in PageViewRestriction.objects.filter(page=page)
    )


def every_language(page):
    return [page.get_translation(locale) for locale in Locale.objects.all()]


def test_every_copy_carries_the_same_restriction(site):
    for secret in site["secrets"].values():
        for page in (secret.article, secret.event):
            expected = restrictions_of(page)
            assert len(expected) == 1
            for copy in every_language(page):
                assert restrictions_of(copy) == expected, copy.locale


def test_removing_the_restriction_unrestricts_every_copy(client, site):
    secret = site["secrets"]["login"]
    PageViewRestriction.objects.get(page=secret.article).delete()
    for copy in every_language(secret.article):
        assert not PageViewRestriction.objects.filter(page=copy).exists()
    for lang in LANGUAGES:
        assert secret.titles[lang] in text(client.get(secret.url(lang)))
        assert secret.titles[lang] in text(client.get(f"/{lang}/neuigkeiten/"))
        assert secret.titles[lang] in text(client.get(f"/{lang}/neuigkeiten/feed/rss/"))
    assert secret.url("ar") in text(client.get("/sitemap.xml"))


def test_a_change_on_a_translation_reaches_the_original(site):
    """Whichever language an editor changes, every language follows (kind and groups)."""
    secret = site["secrets"]["groups"]
    english = secret.in_language(secret.article, "en")
    restriction = PageViewRestriction.objects.get(page=english)
    other = Group.objects.create(name="Jury")
    restriction.groups.add(other)
    for copy in every_language(secret.article):
        assert restrictions_of(copy) == [("groups", "", Group.objects.get(name=GROUP), other)]
    restriction.restriction_type = "login"
    restriction.save()
    restriction.groups.clear()
    for copy in every_language(secret.article):
        assert restrictions_of(copy) == [("login", "")]


def test_a_new_restriction_on_a_public_page_reaches_all_languages(client, site):
    page = site["public_article"]
    restrict(page, "login")
    for lang in LANGUAGES:
        translation = page.get_translation(Locale.objects.get(language_code=lang))
        assert restrictions_of(translation) == [("login", "")]
        assert client.get(translation.url).status_code == 302
        assert page.title not in text(client.get(f"/{lang}/neuigkeiten/feed/rss/"))


def test_new_aliases_take_the_restriction_of_their_original(site):
    page = ContentPageFactory(title="Nur intern", aliases=False)
    restrict(page, "groups", Group.objects.get(name=GROUP))
    create_aliases_for_new_page(page)
    copies = every_language(page)
    assert len(copies) == len(ALL_LANGUAGES)
    for copy in copies:
        assert restrictions_of(copy) == [("groups", "", Group.objects.get(name=GROUP))]


def test_deleting_a_page_keeps_its_translations_restricted(site):
    secret = site["secrets"]["login"]
    english = secret.in_language(secret.article, "en")
    secret.in_language(secret.article, "ar").delete()
    assert restrictions_of(english) == [("login", "")]
    assert restrictions_of(secret.article) == [("login", "")]


def test_filter_hides_translations_even_before_the_sync(client, site):
    """Restrictions made before the sync existed (bulk_create sends no signal): every
    output already hides the translations; the command then copies the restriction."""
    page = NewsArticlePageFactory(title="Altlast", intro="Von vor der Umstellung.")
    translated(page, "en", {"en": "Legacy"}, "")
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=page, restriction_type="login")]
    )
    english = page.get_translation(Locale.objects.get(language_code="en"))
    assert not PageViewRestriction.objects.filter(page=english).exists()
    for lang in LANGUAGES:
        for url in (f"/{lang}/neuigkeiten/", f"/{lang}/neuigkeiten/feed/rss/", "/sitemap.xml"):
            body = text(client.get(url))
            assert "Altlast" not in body and "Legacy" not in body
            assert english.url not in body
    call_command("sync_view_restrictions", stdout=open("/dev/null", "w"))  # noqa: SIM115
    for copy in every_language(page):
        assert restrictions_of(copy) == [("login", "")]
    assert client.get(english.url).status_code == 302


def test_a_translation_moved_below_a_restricted_section_hides_every_language(client, site):
    """The English version of a German page sits below a restricted English-only section:
    Wagtail would serve the German page to anyone; here no language version is shown to
    someone the section does not admit, and logged-in people see it as before."""
    page = ContentPageFactory(title="Sprechzeiten im Winter")
    translated(page, "en", {"en": "Winter opening hours"}, "")
    english = page.get_translation(Locale.objects.get(language_code="en"))
    english_home = german_home().get_translation(Locale.objects.get(language_code="en"))
    section = ContentPage(title="Members only", slug="members-only", locale=english_home.locale)
    english_home.add_child(instance=section)
    section.save_revision().publish()
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=section, restriction_type="login")]
    )
    english.move(section, pos="last-child")
    english.refresh_from_db()
    for lang in LANGUAGES:
        response = client.get(page.get_translation(Locale.objects.get(language_code=lang)).url)
        assert response.status_code in (302, 403)
        assert "Sprechzeiten im Winter" not in response.content.decode()
    refusal = client.get(page.url)
    assert refusal.status_code == 403
    assert "/accounts/login/?next=" in refusal.content.decode()
    sitemap = text(client.get("/sitemap.xml"))
    assert page.url not in sitemap and english.url not in sitemap
    client.force_login(site["resident"])
    assert "Sprechzeiten im Winter" in text(client.get(page.url))
    assert "Winter opening hours" in text(client.get(english.url))


def test_adding_a_group_from_the_group_side_reaches_every_copy(site):
    secret = site["secrets"]["groups"]
    jury = Group.objects.create(name="Jury")
    jury.pageviewrestriction_set.add(PageViewRestriction.objects.get(page=secret.article))
    for copy in every_language(secret.article):
        assert restrictions_of(copy) == [("groups", "", Group.objects.get(name=GROUP), jury)]


@pytest.mark.parametrize("more", [0, 6])
def test_the_filter_costs_the_same_however_many_restrictions(
    rf, site, django_assert_num_queries, more
):
    """Two queries to know what is hidden, then the listing itself (one query)."""
    for number in range(more):
        page = ContentPageFactory(title=f"Intern {number}")
        restrict(page, KINDS[number % len(KINDS)], Group.objects.get(name=GROUP))
    request = rf.get("/de/")
    request.user, request.session = AnonymousUser(), {}
    with django_assert_num_queries(3):
        titles = [page.title for page in visible(Page.objects.live(), request)]
    assert "Offene Sprechstunde" in titles
    assert not any(title.startswith(("Geheim", "Intern")) for title in titles)
    with django_assert_num_queries(1):  # once per request
        list(visible(Page.objects.live(), request))


def test_migrate_catches_up_restrictions_made_without_the_signals(site):
    from django.apps import apps

    from portal.restrictions import sync_after_migrate

    page = ContentPageFactory(title="Vorstandssache")
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=page, restriction_type="login")]
    )
    first_app = list(apps.get_app_configs())[0]
    sync_after_migrate(app_config=first_app)  # not the last app yet: nothing happens
    group = PageViewRestriction.objects.filter(page__translation_key=page.translation_key)
    assert group.count() == 1
    sync_after_migrate()
    for copy in every_language(page):
        assert restrictions_of(copy) == [("login", "")]


def test_removing_a_group_from_the_group_side_reaches_every_copy(site):
    secret = site["secrets"]["groups"]
    jury = Group.objects.create(name="Jury")
    original = PageViewRestriction.objects.get(page=secret.article)
    original.groups.add(jury)
    member_group = Group.objects.get(name=GROUP)
    member_group.pageviewrestriction_set.remove(original)
    for copy in every_language(secret.article):
        assert restrictions_of(copy) == [("groups", "", jury)]
    jury.pageviewrestriction_set.clear()
    for copy in every_language(secret.article):
        assert restrictions_of(copy) == [("groups", "")]


def test_privacy_set_in_the_admin_reaches_every_language(client, site, people):
    """An editor sets, changes and removes the privacy of the German page in the admin;
    every language version follows each step."""
    page = site["public_article"]
    english = page.get_translation(Locale.objects.get(language_code="en"))
    group = Group.objects.get(name=GROUP)
    client.force_login(people["admin"])
    privacy = f"/admin/pages/{page.pk}/privacy/"
    steps = [
        ({"restriction_type": "groups", "groups": [group.pk]}, [("groups", "", group)]),
        ({"restriction_type": "login"}, [("login", "")]),
        ({"restriction_type": "none"}, []),
    ]
    for data, expected in steps:
        response = client.post(privacy, data)
        assert response.status_code == 200
        assert '"step": "set_privacy_done"' in response.content.decode()
        for copy in every_language(page):
            assert restrictions_of(copy) == expected, (data, copy.locale)
        client.logout()
        status = client.get(english.url).status_code
        assert status == (302 if expected else 200)
        client.force_login(people["admin"])


def test_sitemap_lists_originals_and_translations_of_every_language_tree(client, site):
    page = site["public_article"]
    turkish_title = "Açık danışma saati"
    translate(page, "tr", {page.title: turkish_title})
    turkish = page.get_translation(Locale.objects.get(language_code="tr"))
    ukrainian_alias = page.get_translation(Locale.objects.get(language_code="uk"))
    assert turkish.alias_of_id is None and ukrainian_alias.alias_of_id == page.pk
    response = client.get("/sitemap.xml")
    assert response["Content-Type"].startswith("application/xml")
    body = text(response)
    assert f"{page.url}</loc>" in body
    assert f"{turkish.url}</loc>" in body
    assert ukrainian_alias.url not in body
