"""Quorum and majority rules, including conflicts of interest and ties."""

import pytest

from intranet import bodies


@pytest.mark.parametrize(
    "rule,members,present,conflicted,conflicted_present,required,quorate",
    [
        (bodies.HALF, 7, 4, 0, 0, 4, True),  # more than half of 7 = 4
        (bodies.HALF, 7, 3, 0, 0, 4, False),
        (bodies.HALF, 8, 4, 0, 0, 5, False),  # exactly half is not more than half
        (bodies.HALF, 7, 4, 1, 1, 4, False),  # conflicted member leaves the quorum: 3 of 6
        (bodies.HALF, 7, 4, 1, 0, 4, True),  # conflicted but absent: 4 of 6, need 4
        (bodies.THIRD, 9, 3, 0, 0, 3, True),
        (bodies.THIRD, 10, 3, 0, 0, 4, False),
        (bodies.FIXED, 20, 5, 0, 0, 5, True),
        (bodies.NO_QUORUM, 5, 0, 0, 0, 0, True),
    ],
)
def test_quorum(rule, members, present, conflicted, conflicted_present, required, quorate):
    result = bodies.quorum(rule, members, present, conflicted, conflicted_present, fixed=5)
    assert (result.required, result.quorate) == (required, quorate)
    assert result.eligible == members - conflicted
    assert result.present == present - conflicted_present


@pytest.mark.parametrize(
    "rule,yes,no,abstain,carried",
    [
        (bodies.SIMPLE, 3, 2, 5, True),  # abstentions do not count
        (bodies.SIMPLE, 2, 2, 0, False),  # a tie fails
        (bodies.SIMPLE, 0, 0, 4, False),
        (bodies.TWO_THIRDS, 4, 2, 0, True),  # exactly two thirds
        (bodies.TWO_THIRDS, 5, 3, 0, False),
        (bodies.TWO_THIRDS, 2, 1, 9, True),
        (bodies.UNANIMOUS, 5, 0, 2, True),
        (bodies.UNANIMOUS, 5, 1, 0, False),
        (bodies.UNANIMOUS, 0, 0, 3, False),
    ],
)
def test_majority(rule, yes, no, abstain, carried):
    assert bodies.passes(rule, yes, no, abstain) is carried
