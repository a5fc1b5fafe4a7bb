"""Whatever people type into the proposal and comment forms, the answer is never a 500."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from participation.models import Proposal
from tests.portal.factories import UserFactory

from .factories import make_process, make_proposal

pytestmark = pytest.mark.django_db

text = st.text(max_size=300)
numbers = st.one_of(st.text(max_size=12), st.decimals(allow_nan=True).map(str))


@pytest.fixture
def process():
    return make_process("during", slug="verfahren-fuzz")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(title=text, description=text, place=text, budget=numbers, language=text)
def test_proposal_form_never_fails(client, process, title, description, place, budget, language):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        process.url + "vorschlaege/neu/",
        {
            "title": title,
            "description": description,
            "place": place,
            "requested_budget": budget,
            "language": language,
            "submit": "1",
        },
    )
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert not Proposal.objects.filter(author=user).exists()


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(comment=text, parent=st.text(max_size=8))
def test_comment_form_never_fails(client, process, comment, parent):
    proposal = make_proposal(process, UserFactory())
    client.force_login(UserFactory())
    response = client.post(
        process.url + f"vorschlaege/{proposal.pk}/kommentieren/",
        {"text": comment, "parent": parent},
    )
    assert response.status_code in (302, 403)
