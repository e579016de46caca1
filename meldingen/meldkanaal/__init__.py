"""The meldkanaal: the loket at /melden/ where an employee chooses a route, reports to OIF without an
account and comes back with a receipt code."""
