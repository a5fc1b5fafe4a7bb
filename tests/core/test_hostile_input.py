"""No input makes a 500 (issue 12): every URL of the project, every parameter a view reads and
every form, with hostile values, for an anonymous visitor and for a person with rich rights.

- URLs: the project's URL patterns (django.urls.get_resolver; patterns of our own apps,
  allauth and Wagtail's document serving; Wagtail's admin only where its views are ours),
  every live German page and every sub-URL of its routable page type, with converters
  filled with real ids of the test world, ids that do not exist and hostile strings.
- Query parameters: every name a view of ours reads from `request.GET` or `request.POST`
  (found in the source), each with a hostile value drawn by hypothesis.
- Forms: every POST form on those pages (parsed with html.parser), posted with hostile
  values in every field; where the form comes back with errors, what was typed into its
  visible text fields is still there.

The walks run without `RefuseNulBytesMiddleware`, so the views themselves prove they cope
with NUL bytes; a separate test shows the middleware's answer.
"""

import re
import time
import uuid
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RoutePattern
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from .hostile_world import build

pytestmark = pytest.mark.django_db

BASE_DIR = Path(settings.BASE_DIR)
OUR_APPS = ("core", "portal", "participation", "intranet", "fund")

NUL = "\x00"
RLO = "\u202e"
ZWSP = "\u200b"
HOSTILE = [
    NUL,
    f"a{NUL}b",
    '"',
    'Bank "am',
    "'",
    "\\",
    "&|!():*<>",
    "a" * 100_000,
    "abc",
    "-1",
    "0",
    "99999999999999999999",
    "1.5",
    "²",
    "١٢",
    f"{RLO}gnp.exe",
    f"Ad{ZWSP}min",
    "",
    " ",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "%00",
    "🙂\u200d🙂",
]
hostile_values = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=30))
# What a person could type: shown back unchanged when the form has errors.
SAFE = "Sicherer Text 42"

MAX_EXAMPLES = 2
WITHOUT_NUL_MIDDLEWARE = [
    m for m in settings.MIDDLEWARE if m != "core.middleware.RefuseNulBytesMiddleware"
]


# --- the world, built once for the module ----------------------------------------------------


@pytest.fixture(scope="module")
def hostile(django_db_setup, django_db_blocker):
    """The test world (tests/core/hostile_world.py) plus a person with rich rights: an
    administrator with a second factor who chairs the workspace, wrote a proposal and applied
    to the fund. Built once in a transaction that is rolled back after the module."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            from fund.models.applications import State
            from intranet.models import Membership
            from tests.fund.factories import in_state
            from tests.intranet.factories import add_member
            from tests.participation.factories import make_proposal
            from tests.portal.factories import UserFactory, with_mfa

            world = build()
            rich = with_mfa(UserFactory(is_superuser=True, is_staff=True))
            add_member(world["workspace"], user=rich, role=Membership.Role.CHAIR)
            world["own_proposal"] = make_proposal(world["process"], rich, title="Eigener")
            world["own_application"] = in_state(world["fund"], State.DRAFT, applicant=rich)
            world["rich"] = rich
            world["urls"] = all_urls(world)
            yield world
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def clients(world):
    anonymous = Client(raise_request_exception=False)
    rich = Client(raise_request_exception=False)
    rich.force_login(world["rich"])
    return {"anonymous": anonymous, "rich": rich}


# --- every URL ---------------------------------------------------------------------------------

CONVERTER = re.compile(r"<(?:(?P<kind>\w+):)?(?P<name>\w+)>")


def id_samples(world):
    """Real ids by the word before the converter, so a route reaches its object (an id
    that does not exist is a plain 404, tried by the regression tests)."""
    return {
        "vorschlaege": [world["own_proposal"].pk],
        "sitzungen": [world["meeting"].pk],
        "meetings": [world["meeting"].pk],
        "dokumente": [world["document"].pk],
        "version": [1],
        "aufgaben": [world["task"].pk],
        "umlauf": [1],  # no circulation in the world: the 404 path
        "antraege": [world["own_application"].pk],
        "kommentare": [1],
    }


def str_samples(name, route):
    from fund.views import ACTIONS as FUND_ACTIONS
    from intranet.views.meetings import ACTIONS as MEETING_ACTIONS

    if name == "action" and route.startswith("sitzungen"):
        return [*MEETING_ACTIONS, "bearbeiten", "kalender", "protokoll-pdf", RLO + "x"]
    if name == "action":
        return [*FUND_ACTIONS, "vereinbarung", RLO + "x"]
    if name == "kind":
        return ["jahresbericht", "csv", "xlsx", "pdf", "abc"]
    if name == "slug":
        return ["ws-hostile"]
    return ["abc" + RLO]


def expand(route, world):
    """Concrete paths for a route with converters; one real and one missing id per int."""
    paths = [""]
    position = 0
    samples = id_samples(world)
    for match in CONVERTER.finditer(route):
        literal = route[position : match.start()]
        position = match.end()
        kind, name = match.group("kind") or "str", match.group("name")
        before = literal.rstrip("/").rsplit("/", 1)[-1] or route[: match.start()].rstrip("/")
        if kind == "int":
            values = samples.get(before.rsplit("/", 1)[-1], [2**40])
        elif kind == "uuid":
            values = [uuid.uuid4()]
        else:
            values = str_samples(name, route)
        paths = [p + literal + str(v) for p in paths for v in values]
    return [p + route[position:] for p in paths]


def _is_ours(callback, route):
    """Views of our apps and allauth, and Wagtail's public document serving. Wagtail's own
    admin views are left out: its document chooser answers /admin/documents/chooser/
    chosen/abc/ with a 500 (Wagtail 7.4, an admin-only URL; reported, not ours to fix)."""
    module = getattr(callback, "__module__", "") or ""
    if module.startswith("wagtail.documents"):
        return route.startswith("documents/")
    return module.startswith((*OUR_APPS, "allauth"))


def walk_patterns(patterns, prefix=""):
    for entry in patterns:
        pattern = entry.pattern
        if isinstance(pattern, LocalePrefixPattern):
            route = "de/"
        elif isinstance(pattern, RoutePattern):
            route = str(pattern)
        else:
            continue  # regex patterns: Wagtail's page serving (pages are walked below)
        if isinstance(entry, URLResolver):
            yield from walk_patterns(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern) and _is_ours(entry.callback, prefix + route):
            yield prefix + route


def all_urls(world):
    from wagtail.contrib.routable_page.models import RoutablePageMixin
    from wagtail.models import Page

    urls = set()
    for route in walk_patterns(get_resolver().url_patterns):
        urls.update("/" + path for path in expand(route, world))
    for page in Page.objects.live().filter(locale__language_code="de").specific():
        url = page.url
        if not url:
            continue
        urls.add(url)
        if isinstance(page, RoutablePageMixin):
            for pattern in page.get_subpage_urls():
                route = str(pattern.pattern)
                urls.update(url + path for path in expand(route, world) if path)
    # Logging out would end the rich person's session in the middle of the walk.
    return sorted(u for u in urls if "logout" not in u)


def parameter_names():
    """Every parameter name a view of ours reads by hand."""
    pattern = re.compile(
        r'request\.(?:GET|POST)(?:\.get\(|\[)\s*"([^"]+)"'
        r'|_param\(\s*request\.(?:GET|POST),\s*"([^"]+)"'
        r'|"([^"]+)" in request\.(?:GET|POST)'
    )
    names = {"q", "seite", "feld", "art", "status", "stand", "sort", "next", "jahr", "monat"}
    for app in OUR_APPS:
        for source in (BASE_DIR / app).rglob("*.py"):
            for match in pattern.finditer(source.read_text()):
                names.add(next(group for group in match.groups() if group))
    return sorted(names)


# --- every form --------------------------------------------------------------------------------


class FormParser(HTMLParser):
    """The POST forms of a page: action, and fields as (name, type, value, options)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self.form, self.select, self.textarea = [], None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.form = {
                "method": (attrs.get("method") or "get").lower(),
                "action": attrs.get("action") or "",
                "fields": [],
            }
            self.forms.append(self.form)
        elif self.form is None or "name" not in attrs and tag != "option":
            return
        elif tag in ("input", "button"):
            kind = (attrs.get("type") or ("submit" if tag == "button" else "text")).lower()
            self.form["fields"].append([attrs["name"], kind, attrs.get("value") or "", []])
        elif tag == "select":
            self.select = [attrs["name"], "select", "", []]
            self.form["fields"].append(self.select)
        elif tag == "option" and self.select is not None:
            self.select[3].append(attrs.get("value", ""))
        elif tag == "textarea":
            self.textarea = [attrs["name"], "textarea", "", []]
            self.form["fields"].append(self.textarea)

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[2] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            if self.textarea is not None and self.textarea[2].startswith("\n"):
                self.textarea[2] = self.textarea[2][1:]
            self.textarea = None


def forms_on(html, url):
    parser = FormParser()
    parser.feed(html)
    found = []
    for form in parser.forms:
        if form["method"] != "post":
            continue
        action = form["action"] or url
        if action.startswith("http"):
            action = urlsplit(action).path
        if not action.startswith("/") or "logout" in action or "/delete/" in action:
            continue
        found.append((action, form["fields"]))
    return found


TEXT_KINDS = {"text", "textarea", "email", "search", "tel", "url"}
SKIPPED_KINDS = {"file", "password", "image", "reset"}


def hostile_post(fields, pool, offset):
    """The form's data with a hostile value from `pool` in every field (submit buttons as
    they are; every third visible text field gets the safe text, to be found again)."""
    data, safe = {}, []
    for index, (name, kind, value, options) in enumerate(fields):
        if name == "csrfmiddlewaretoken" or kind in SKIPPED_KINDS:
            continue
        if kind in ("submit", "button"):
            data.setdefault(name, value)
        elif kind in TEXT_KINDS and (index + offset) % 3 == 0:
            data[name] = SAFE
            safe.append(name)
        elif kind == "select" and options and (index + offset) % 2:
            data[name] = options[-1]
        else:
            data[name] = pool[(index + offset) % len(pool)]
    return data, safe


def pools():
    """Hostile values for one walk: all of HOSTILE and as many drawn by hypothesis. Drawn
    once per example (a walk of hundreds of requests drawing anew for each would exceed what
    hypothesis can record); each request takes them in a different rotation."""
    return st.lists(hostile_values, min_size=len(HOSTILE), max_size=len(HOSTILE)).map(
        lambda drawn: HOSTILE + drawn
    )


def check_kept(response, action, safe, problems):
    """A form that came back with errors still shows the safe text typed into it; returns
    how many typed values were looked for, and adds those lost to `problems`."""
    if response.status_code not in (200, 400) or not safe:
        return 0
    content = response.content.decode(errors="replace")
    kept = 0
    for again_action, fields in forms_on(content, action):
        if again_action != action:
            continue
        shown = {name: value for name, kind, value, _ in fields if kind in TEXT_KINDS}
        for name in safe:
            if name in shown:
                if shown[name] != SAFE:
                    problems.append(("typed value lost", action, name, shown[name][:80]))
                kept += 1
    return kept


# Each example walks everything: no shrinking (it would walk again for every step), no
# example database in the checkout.
WALK = hypothesis_settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


# --- the tests -------------------------------------------------------------------------------


class Walk:
    """The requests of one walk: server errors collected (one run shows them all), timings."""

    def __init__(self):
        self.errors, self.count, self.started, self.slowest = [], 0, time.monotonic(), []
        self.forms = self.kept = 0

    def answer(self, client, method, url, data=None):
        started = time.monotonic()
        response = getattr(client, method)(url, data or {})
        self.count += 1
        self.slowest = sorted([*self.slowest, (round(time.monotonic() - started, 1), url[:90])])
        self.slowest = self.slowest[-5:]
        if response.status_code >= 500:
            shown = {key: repr(value)[:40] for key, value in (data or {}).items()}
            self.errors.append((response.status_code, method, url[:300], shown))
        return response

    def report(self):
        seconds = time.monotonic() - self.started
        print(f"\n{self.count} requests in {seconds:.0f} s; slowest: {self.slowest}")
        print(f"{self.forms} forms posted, {self.kept} typed values looked for again")
        assert not self.errors, "\n".join(map(str, self.errors))


@override_settings(MIDDLEWARE=WITHOUT_NUL_MIDDLEWARE)
@WALK
@given(pool=pools())
def test_every_url_answers_hostile_query_parameters(hostile, pool):
    names, walk = parameter_names(), Walk()
    for client in clients(hostile).values():
        for number, url in enumerate(hostile["urls"]):
            query = {name: pool[(number + i) % len(pool)] for i, name in enumerate(names)}
            walk.answer(client, "get", f"{url}?{urlencode(query)}")
    walk.report()


@override_settings(MIDDLEWARE=WITHOUT_NUL_MIDDLEWARE)
@WALK
@given(pool=pools())
def test_every_form_answers_hostile_values_and_keeps_what_was_typed(hostile, pool):
    walk = Walk()
    for who, client in clients(hostile).items():
        seen = set()
        for url in hostile["urls"]:
            page = walk.answer(client, "get", url)
            if page.status_code != 200 or "html" not in page.get("Content-Type", ""):
                continue
            for action, fields in forms_on(page.content.decode(errors="replace"), url):
                key = (action, tuple(sorted(f[0] for f in fields)))
                if key in seen:
                    continue
                seen.add(key)
                post, safe = hostile_post(fields, pool, len(seen))
                response = walk.answer(client, "post", action, post)
                walk.forms += 1
                walk.kept += check_kept(response, action, safe, walk.errors)
                if who == "rich":
                    client.force_login(hostile["rich"])
    walk.report()


def test_the_walk_reaches_the_apps(hostile):
    """The walk is not empty: the apps' sub-URLs and forms are in it."""
    urls = hostile["urls"]
    workspace, fund_page = hostile["workspace"].url, hostile["fund_page"].url
    assert f"{workspace}sitzungen/{hostile['meeting'].pk}/beschluss/" in urls
    assert f"{fund_page}antraege/{hostile['own_application'].pk}/bearbeiten/" in urls
    assert "/de/suche/" in urls and "/de/accounts/login/" in urls
    assert "q" in parameter_names() and "bearbeiten" in parameter_names()
    print(len(urls), "URLs", len(parameter_names()), "parameter names")
    rich = clients(hostile)["rich"]
    url = f"{fund_page}antraege/{hostile['own_application'].pk}/bearbeiten/"
    actions = [action for action, _ in forms_on(rich.get(url).content.decode(), url)]
    assert any("bearbeiten" in action for action in actions), actions


def test_an_address_with_a_nul_byte_is_refused_with_an_explanation(hostile):
    for url in ("/de/suche/?q=%00", "/de/suche/?q=a%00b", "/de/%00/"):
        response = Client().get(url)
        assert response.status_code == 400
        assert "Null-Byte" in response.content.decode()
