"""Signals the framework does not send itself."""

from django.dispatch import Signal

# Rows were written past the model signals: a queryset .update() or a bulk_create. The writing service
# sends it with sender=<model>; data derived from those rows (the dashboard's cached figures,
# rapportage/cijfercache.py) listens. The apps that write need not know who derives what.
bulk_gewijzigd = Signal()

# A security-relevant event in kern (a second factor bound or removed, a role or right given or taken)
# for the audit trail, which lives in meldingen (meldingen/audit.py) and so cannot be imported here.
# Send it with the keyword arguments of `audit_vastleggen`: gebruiker, actie (AuditRegel.Actie value,
# e.g. "tweede_factor" or "rechten"), object_type, object_id, velden. meldingen/apps.py writes it; an
# error there propagates, so the change and its audit row succeed or fail together.
audit_gebeurtenis = Signal()
