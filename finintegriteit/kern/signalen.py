"""Signals the framework does not send itself."""

from django.dispatch import Signal

# A security-relevant event in kern (a second factor bound or removed, a role or right given or taken)
# for the audit trail, which lives in meldingen (meldingen/audit.py) and so cannot be imported here.
# Send it with the keyword arguments of `audit_vastleggen`: gebruiker, actie (AuditRegel.Actie value,
# e.g. "tweede_factor" or "rechten"), object_type, object_id, velden. meldingen/apps.py writes it; an
# error there propagates, so the change and its audit row succeed or fail together.
audit_gebeurtenis = Signal()
