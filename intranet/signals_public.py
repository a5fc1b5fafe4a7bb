"""Signals other apps may listen to (the fund reacts to closed circulations)."""

from django.dispatch import Signal

# Sent inside the closing transaction with circulation= and decision=.
circulation_closed = Signal()
