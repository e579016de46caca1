"""Calendar arithmetic for the register: a certification runs four years; the expiry list looks ahead."""

import datetime

from finintegriteit.kern.datums import plus_jaren

CERTIFICERING_JAREN = 4
VERLOOPT_BINNEN_MAANDEN = 3


def certificering_verloopt_op(gecertificeerd_op: datetime.date) -> datetime.date:
    return plus_jaren(gecertificeerd_op, CERTIFICERING_JAREN)
