"""Builders that several test modules share: a few words give a valid melding, afdoening, Tellijst rows,
form data or a login step. A helper lives here as soon as a second module needs it, in the module of its
area; no test module imports from another, and shared fixtures live in the nearest common conftest.py.

They build on tests/factories.py. The names below were this module's before it became a package, and
stay importable from it.
"""

from tests.bouwstenen.meldingen import afgedaan, controleer_audittrail, melding
from tests.bouwstenen.rapportage import dashboard_met_tabellen
from tests.bouwstenen.tellijst import SUB_HOOFD, tellijst

__all__ = ["SUB_HOOFD", "afgedaan", "controleer_audittrail", "dashboard_met_tabellen", "melding", "tellijst"]
