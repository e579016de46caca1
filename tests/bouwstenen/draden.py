"""The work of several people at the same moment: each in a thread of its own, on its own database
connection."""

import threading

from django.db import connections


def tegelijk(werk, argumenten, *, tijdslimiet: float = 60) -> list[Exception]:
    """Run `werk(argument)` for each argument in a thread of its own and wait for all of them.

    Returns what the threads raised, for the test to assert on. Each thread closes its connections: a
    test database cannot be dropped while one stays open.
    """
    fouten: list[Exception] = []

    def draaien(argument):
        try:
            werk(argument)
        except Exception as fout:  # noqa: BLE001 - returned to the test
            fouten.append(fout)
        finally:
            connections.close_all()

    draden = [threading.Thread(target=draaien, args=(argument,)) for argument in argumenten]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(tijdslimiet)
    assert not any(draad.is_alive() for draad in draden), f"na {tijdslimiet} s loopt er nog een draad"
    return fouten
