"""Voting on proposals: modes, voting codes, ballots, tallies and their front-end views."""
