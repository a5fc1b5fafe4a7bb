"""The four voting modes: what a valid ballot is, and how tampered input is refused."""

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.http import QueryDict
from hypothesis import given
from hypothesis import strategies as st

from participation.voting import modes
from participation.voting.modes import InvalidBallot


def process(mode, **rules):
    values = {"votes_per_ballot": 2, "points_per_ballot": 10, "budget": Decimal("5000")}
    values.update(rules)
    return SimpleNamespace(voting_mode=mode, **values)


BUDGETS = {1: Decimal("1000"), 2: Decimal("2000"), 3: Decimal("3000")}


def post(**fields):
    data = QueryDict(mutable=True)
    for key, value in fields.items():
        if isinstance(value, list):
            data.setlist(key, value)
        else:
            data[key] = value
    return data


def test_yes_no_abstain_parsed_and_counted():
    choices = modes.parse(modes.YESNO, post(**{"p-1": "yes", "p-2": "no", "p-3": "abstain"}))
    assert choices == {1: 1, 2: -1, 3: 0}
    totals = modes.check(process(modes.YESNO), choices, BUDGETS)
    assert totals.choices == 3


def test_approval_allows_up_to_k():
    assert modes.check(process(modes.APPROVAL), {1: 1, 2: 1}, BUDGETS).choices == 2
    with pytest.raises(InvalidBallot, match="höchstens 2"):
        modes.check(process(modes.APPROVAL), {1: 1, 2: 1, 3: 1}, BUDGETS)


def test_budget_must_fit():
    assert modes.check(process(modes.BUDGET), {2: 1, 3: 1}, BUDGETS).budget == Decimal("5000")
    with pytest.raises(InvalidBallot, match="Budget"):
        modes.check(process(modes.BUDGET, budget=Decimal("4999")), {2: 1, 3: 1}, BUDGETS)


def test_points_within_limit():
    assert modes.check(process(modes.POINTS), {1: 4, 2: 6}, BUDGETS).points == 10
    with pytest.raises(InvalidBallot, match="11 Punkte"):
        modes.check(process(modes.POINTS), {1: 5, 2: 6}, BUDGETS)


@pytest.mark.parametrize(
    "mode,data,message",
    [
        (modes.YESNO, {"p-1": "vielleicht"}, "ungültige"),
        (modes.POINTS, {"p-1": "-3"}, "negativ"),
        (modes.POINTS, {"p-1": "2.5"}, "ganze Zahlen"),
        (modes.APPROVAL, {"choose": ["eins"]}, "ungültige"),
    ],
)
def test_tampered_values_are_refused(mode, data, message):
    with pytest.raises(InvalidBallot, match=message):
        modes.parse(mode, post(**data))


def test_foreign_proposal_and_empty_ballot_are_refused():
    with pytest.raises(InvalidBallot, match="nicht zur Wahl"):
        modes.check(process(modes.APPROVAL), {99: 1}, BUDGETS)
    with pytest.raises(InvalidBallot, match="mindestens einen"):
        modes.check(process(modes.APPROVAL), {}, BUDGETS)


def test_approval_value_other_than_one_is_refused():
    with pytest.raises(InvalidBallot):
        modes.check(process(modes.APPROVAL), {1: 5}, BUDGETS)


def test_remaining_shows_what_is_left():
    left = modes.remaining(process(modes.BUDGET), {1: 1, 3: 1}, BUDGETS)
    assert left["budget_left"] == Decimal("1000")
    left = modes.remaining(process(modes.APPROVAL), {1: 1, 2: 1, 3: 1}, BUDGETS)
    assert left["choices_left"] == -1


@given(
    mode=st.sampled_from([modes.YESNO, modes.APPROVAL, modes.BUDGET, modes.POINTS]),
    values=st.dictionaries(
        st.sampled_from(["p-1", "p-2", "p-3", "choose", "p-x"]),
        st.text(max_size=12),
        max_size=5,
    ),
)
def test_any_input_is_either_a_valid_ballot_or_a_clear_refusal(mode, values):
    try:
        choices = modes.parse(mode, post(**values))
        totals = modes.check(process(mode), choices, BUDGETS)
    except InvalidBallot as refused:
        assert refused.message
    else:
        assert totals.choices >= 1
        assert totals.budget <= Decimal("5000")
        assert totals.points <= 10
