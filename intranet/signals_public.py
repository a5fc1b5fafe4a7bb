"""Signals other apps may listen to (the fund reacts to closed circulations and to cancelled
or moved meetings)."""

from django.dispatch import Signal

# Sent inside the closing transaction with circulation= and decision=.
circulation_closed = Signal()

# Sent inside the transaction with meeting= when a meeting is cancelled or its start moves
# (cancelled=True/False): the fund moves its applications to the next meeting.
meeting_rescheduled = Signal()
