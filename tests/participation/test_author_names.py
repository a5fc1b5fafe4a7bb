"""Contributions show the author's display name only; official answers show the office."""

import pytest

from participation import services
from tests.portal.factories import OfficeSettingsFactory, UserFactory

from .factories import make_process, make_proposal

pytestmark = pytest.mark.django_db


def test_proposal_and_comments_show_display_names_and_the_office(client, people):
    OfficeSettingsFactory(office_name="Bürgerbüro Auenstadt")
    process = make_process("during", slug="verfahren-namen")
    author = UserFactory(display_name="Nachbarin Ada", first_name="Ada", last_name="Lovelace")
    commenter = UserFactory(display_name="", first_name="Geheim", last_name="Name")
    proposal = make_proposal(process, author, title="Leihladen")
    comment = services.comment_add(proposal=proposal, user=commenter, text="Gern!")
    services.comment_add(
        proposal=proposal,
        user=people["admin"],
        text="Wir kümmern uns.",
        parent=comment,
        official=True,
    )
    body = client.get(process.url + f"vorschlaege/{proposal.pk}/").content.decode()
    assert "Nachbarin Ada" in body  # the proposal's and no other name
    assert "Bewohner*in" in body  # a person without a display name
    assert "Bürgerbüro Auenstadt" in body and "Antwort des Stadtteilbüros" in body
    # DSGVO: nothing else personal.
    for secret in (author.email, commenter.email, people["admin"].email, "Lovelace", "Geheim"):
        assert secret not in body
