"""In-process tasks (kern/taken.py): whoever must not end before them waits for all of them, also for
the tasks they start themselves."""

import threading

from finintegriteit.kern.taken import taak_aanbieden, taken_afwachten


class Taak:
    """What taak_aanbieden uses of a Celery task: its name and apply()."""

    def __init__(self, name, werk):
        self.name, self.werk = name, werk

    def apply(self, args):
        self.werk(*args)


def test_afwachten_wacht_ook_op_een_taak_die_een_taak_aanbiedt(settings):
    settings.TAKEN_IN_DRAAD = True
    doorgaan, gedaan = threading.Event(), []
    tweede = Taak("tweede", lambda: gedaan.append("tweede"))

    def eerste_werk():
        assert doorgaan.wait(30)
        taak_aanbieden(tweede)
        gedaan.append("eerste")

    taak_aanbieden(Taak("eerste", eerste_werk))

    assert taken_afwachten(tijdslimiet=0.1) is False, "de eerste taak wacht nog"
    doorgaan.set()
    assert taken_afwachten(tijdslimiet=30) is True
    assert sorted(gedaan) == ["eerste", "tweede"]
    assert taken_afwachten(tijdslimiet=0) is True, "niets meer te doen"
