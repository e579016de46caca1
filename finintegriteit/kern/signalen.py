"""Signals the framework does not send itself."""

from django.dispatch import Signal

# Rows were written past the model signals: a queryset .update() or a bulk_create. The writing service
# sends it with sender=<model>; data derived from those rows (the dashboard's cached figures,
# rapportage/cijfercache.py) listens. The apps that write need not know who derives what.
bulk_gewijzigd = Signal()
