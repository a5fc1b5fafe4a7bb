"""The neighbourhood fund (Verfügungsfonds / Aktionsfonds): applications, formal check, jury
decision through the intranet's meetings, ledger, agreement, payment, settlement, transparency."""
