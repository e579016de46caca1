"""Nothing of this app is in the admin, on purpose.

The Tellijst is anonymous: an admin page of Adviesvraag would show who registered each row to every
beheerder. The register has its own pages (views/register.py) that keep its history rules.
"""
