import pytest

from participation import rules, services
from participation.models import ProposalTranslation
from tests.portal.factories import UserFactory

from .factories import in_every_language, make_process, make_proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def process():
    return make_process("during", slug="verfahren-uebersetzt")


def test_author_translates_and_english_visitors_see_it(client):
    process = in_every_language(make_process("during", slug="ideen-lindenplatz"))
    author = UserFactory()
    proposal = make_proposal(process, author, title="Mehr Bänke", description="Am Platz")
    client.force_login(author)
    url = process.url + f"vorschlaege/{proposal.pk}/uebersetzen/"
    client.post(url, {"language": "en", "title": "More benches", "description": "On the square"})
    assert ProposalTranslation.objects.get(proposal=proposal, language="en").by_office is False
    client.logout()
    listing = client.get("/en/ideen-lindenplatz/").content.decode()
    assert 'lang="en"><a class="kern-link"' in listing and "More benches" in listing
    detail = client.get(f"/en/ideen-lindenplatz/vorschlaege/{proposal.pk}/").content.decode()
    assert "More benches" in detail and "?original=1" in detail
    original = client.get(f"/en/ideen-lindenplatz/vorschlaege/{proposal.pk}/?original=1")
    assert "Mehr Bänke" in original.content.decode()
    german = client.get(f"/de/ideen-lindenplatz/vorschlaege/{proposal.pk}/").content.decode()
    assert "Mehr Bänke" in german and "More benches" not in german


def test_visitor_language_picks_the_translation(rf, process):
    from django.utils import translation

    from participation.selectors import displayed

    proposal = make_proposal(process, UserFactory(), title="Mehr Bänke")
    services.translation_save(
        proposal=proposal,
        user=proposal.author,
        language="en",
        title="More benches",
        description="On the square",
    )
    with translation.override("en"):
        assert displayed(proposal)[0] == "More benches"
    with translation.override("ar"):
        assert displayed(proposal)[0] == "Mehr Bänke"


def test_office_translations_are_marked(process, people):
    proposal = make_proposal(process, UserFactory())
    translated = services.translation_save(
        proposal=proposal, user=people["admin"], language="en", title="Benches", description="x"
    )
    assert translated.by_office


def test_strangers_cannot_translate(client, process):
    proposal = make_proposal(process, UserFactory())
    assert not rules.can_translate(UserFactory(), proposal)
    client.force_login(UserFactory())
    assert client.get(process.url + f"vorschlaege/{proposal.pk}/uebersetzen/").status_code == 403


def test_no_translation_into_the_original_language(process):
    proposal = make_proposal(process, UserFactory())
    with pytest.raises(ValueError):
        services.translation_save(
            proposal=proposal, user=proposal.author, language="de", title="x", description="y"
        )


def test_list_queries_do_not_grow_with_translations(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    process = in_every_language(make_process("during", slug="ideen-lindenplatz"))
    author = UserFactory()

    def add(count):
        for number in range(count):
            proposal = make_proposal(process, author, title=f"Idee {number}")
            services.translation_save(
                proposal=proposal,
                user=author,
                language="en",
                title=f"Idea {number}",
                description="x",
            )

    def queries():
        client.get("/en/ideen-lindenplatz/")
        with CaptureQueriesContext(connection) as ctx:
            response = client.get("/en/ideen-lindenplatz/")
        assert response.status_code == 200
        return len(ctx.captured_queries)

    add(2)
    few = queries()
    add(10)
    assert queries() == few
