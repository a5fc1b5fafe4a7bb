"""Intranet workflows: each checks the rules, runs in a transaction and records activity."""
