"""Pieces of the web benchmark: users and sessions, a valid Tellijst row, the server and the load process.

Kept out of the command so the smoke test and the command share them, and the command stays thin.
"""

import json
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.auth.models import Group
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from finintegriteit.kern import rollen as r
from finintegriteit.kern.tweestaps import tweestaps_vereist
from finintegriteit.referentie import models as ref
from vertrouwenspersonen.forms import AdviesvraagForm
from vertrouwenspersonen.models import Adviesvraag
from vertrouwenspersonen.selectors import eerste_tellijstjaar

from . import belasting
from .generator import _Opties, tellijst_jaren
from .processen import database_url

HOST = "127.0.0.1"
INSTELLINGEN = "finintegriteit.prestaties.instellingen"
BACKEND = "django.contrib.auth.backends.ModelBackend"
# Benchmark-only accounts: no password anyone can log in with, only sessions made here.
GEBRUIKERS = {
    r.OIF_ANALIST: "benchmark-web-analist",
    r.VERTROUWENSPERSOON: "benchmark-web-vp",
    r.COORDINATOR: "benchmark-web-coordinator",
}


def gebruiker(rol: str):
    User = get_user_model()
    naam = GEBRUIKERS[rol]
    lid, nieuw = User.objects.get_or_create(username=naam, defaults={"is_active": True})
    if nieuw:
        lid.set_unusable_password()
        lid.save(update_fields=["password"])
    lid.groups.set([Group.objects.get(name=rol)])
    return lid


def sessies(lid, *, aantal: int) -> list[str]:
    """`aantal` logged-in sessions of `lid`, as the login view would leave them.

    Every role needs the second login step, so each session also gets the id of a confirmed TOTP
    device, the mark django_otp's middleware reads to let that step count as done.
    """
    apparaat = None
    if tweestaps_vereist(lid):
        apparaat = TOTPDevice.objects.filter(user=lid, confirmed=True).first() or TOTPDevice.objects.create(
            user=lid, name="benchmark", confirmed=True
        )
    sleutels = []
    for _ in range(aantal):
        sessie = SessionStore()
        sessie[SESSION_KEY] = str(lid.pk)
        sessie[BACKEND_SESSION_KEY] = BACKEND
        sessie[HASH_SESSION_KEY] = lid.get_session_auth_hash()
        if apparaat is not None:
            sessie[DEVICE_ID_SESSION_KEY] = apparaat.persistent_id
        sessie.create()
        sleutels.append(sessie.session_key)
    return sleutels


def sessies_opruimen(sleutels: list[str]) -> None:
    for sleutel in sleutels:
        SessionStore(session_key=sleutel).delete()


def tellijst_formulier() -> dict[str, str]:
    """A valid Tellijst row of this year as the form posts it, checked by the form itself."""
    vandaag = timezone.localdate()
    opties = _Opties()
    if not tellijst_jaren(opties, [vandaag.year]):
        raise ValueError(f"De Tellijst heeft geen volledige taxonomie voor {vandaag.year}.")
    hoofd = opties.in_jaar(ref.Hoofdcategorie, vandaag.year)[0]
    data = {
        "jaar": str(vandaag.year),
        "kwartaal": "",
        "onderdeel": str(opties.onderdelen[0].pk),
        "hoofdcategorie": str(hoofd.pk),
        "subcategorie": str(opties.subcategorieen(hoofd, vandaag.year)[0].pk),
        "wie_betreft": str(opties.in_jaar(ref.WieBetreft, vandaag.year)[0].pk),
        "wijze_van_afdoening": str(opties.in_jaar(ref.WijzeVanAfdoening, vandaag.year)[0].pk),
        "situatie": str(opties.in_jaar(ref.SituatieNaInterventie, vandaag.year)[0].pk),
        "melder_is_beklaagde": "",
        "evaluatielink": Adviesvraag.Evaluatielink.NIET_AANGEGEVEN,
    }
    form = AdviesvraagForm(data=data, eerste_jaar=eerste_tellijstjaar())
    if not form.is_valid():
        raise ValueError(f"Het Tellijst-formulier keurt de benchmarkrij af: {form.errors.as_json()}")
    return data


def meldkanaal_formulier() -> dict[str, str]:
    """A valid anonymous melding for the flood of /melden/oif/, checked by the form itself first."""
    from finintegriteit.referentie.selectors import opties_in_jaar
    from meldingen.meldkanaal.forms import MeldkanaalForm

    jaar = timezone.localdate().year
    formulier = {
        "onderwerp": str(opties_in_jaar(ref.SchendingSoort, jaar=jaar).first().pk),
        "omschrijving": "Benchmark: een melding uit een stroom.",
        "dienstonderdeel": str(opties_in_jaar(ref.Onderdeel, jaar=jaar).first().pk),
        "betrokkenen": "",
        "wijze": "anoniem",
    }
    form = MeldkanaalForm(formulier)
    if not form.is_valid():
        raise ValueError(f"Het meldformulier van de stroom is ongeldig: {form.errors.as_text()}")
    return formulier


def vrije_poort() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def kernen() -> tuple[int | None, int | None]:
    """(server core, load core): two different cores of this process's set, or (None, None) on one core."""
    beschikbaar = sorted(os.sched_getaffinity(0))
    if len(beschikbaar) < 2:
        return None, None
    return beschikbaar[0], beschikbaar[1]


def _vastpinnen(kern: int | None):
    if kern is None:
        return None
    return lambda: os.sched_setaffinity(0, {kern})


@dataclass
class Server:
    proces: subprocess.Popen
    poort: int

    def stoppen(self) -> None:
        self.proces.terminate()
        try:
            self.proces.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proces.kill()
            self.proces.wait()


def server_starten(*, workers: int, kern: int | None, wacht_op: str, max_wachten: float = 60) -> Server:
    """gunicorn (sync workers) on a free loopback port with the benchmark settings, pinned to `kern`.

    The workers are forked from the pinned master and inherit its core. DEBUG is off, as in
    production (no query log per request). The server gets this process's SECRET_KEY: the sessions
    made here are signed with it. It also gets the Tellijst key, so it finds the benchmark user's rows.
    """
    poort = vrije_poort()
    omgeving = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": INSTELLINGEN,
        "DATABASE_URL": database_url(),
        "DEBUG": "0",
        # Background tasks play no part in the measured pages; without Redis they may run in-process.
        "TAKEN_IN_PROCES": "1",
        "SECRET_KEY": settings.SECRET_KEY,
        "TELLIJST_SLEUTEL": settings.TELLIJST_SLEUTEL,
        "MELDER_SLEUTEL": settings.MELDER_SLEUTEL,
    }
    omgeving.pop("SECRET_KEY_FILE", None)
    omgeving.pop("TELLIJST_SLEUTEL_FILE", None)
    omgeving.pop("MELDER_SLEUTEL_FILE", None)
    proces = subprocess.Popen(  # noqa: S603
        [
            sys.executable,
            "-m",
            "gunicorn",
            "finintegriteit.wsgi:application",
            "--bind",
            f"{HOST}:{poort}",
            "--workers",
            str(workers),
            "--worker-class",
            "sync",
            "--timeout",
            "300",
            "--log-level",
            "warning",
            "--chdir",
            str(settings.BASE_DIR),
        ],
        env=omgeving,
        preexec_fn=_vastpinnen(kern),  # only sets the core; no threads run in this process now
    )
    server = Server(proces, poort)
    deadline = time.monotonic() + max_wachten
    while time.monotonic() < deadline:
        if proces.poll() is not None:
            raise RuntimeError(f"gunicorn stopte bij het starten (code {proces.returncode}).")
        try:
            with socket.create_connection((HOST, poort), timeout=1):
                pass
        except OSError:
            time.sleep(0.2)
            continue
        # The port answers: wait until a worker serves a page (imports and settings done).
        if _status(poort, wacht_op) is not None:
            return server
        time.sleep(0.2)
    server.stoppen()
    raise RuntimeError("gunicorn antwoordde niet binnen de wachttijd.")


def _status(poort: int, pad: str) -> int | None:
    import http.client

    try:
        verbinding = http.client.HTTPConnection(HOST, poort, timeout=30)
        verbinding.request("GET", pad, headers={"Host": "localhost"})
        status = verbinding.getresponse().status
        verbinding.close()
        return status
    except (OSError, http.client.HTTPException):
        return None


def opwarmen(poort: int, verzoeken: list[belasting.Verzoek], *, workers: int, per_worker: int) -> None:
    """A few requests per page first, so every worker has imported and compiled what the page needs."""
    for verzoek in verzoeken:
        belasting.belast(HOST, poort, verzoek, clients=workers, per_client=per_worker, max_seconden=120)


def belasten(
    *, poort: int, verzoeken: list[belasting.Verzoek], clients: int, seconden: float, timeout: float, kern
) -> list[belasting.Uitslag]:
    """The phases, one page after the other, from a separate process pinned to `kern`.

    The load script is started by its path, not as a module of the project, so the load process
    imports only the standard library.
    """
    plan = {
        "host": HOST,
        "poort": poort,
        "clients": clients,
        "per_client": 10_000_000,
        "max_seconden": seconden,
        "timeout": timeout,
        "verzoeken": [{**v.__dict__, "verwacht": list(v.verwacht)} for v in verzoeken],
    }
    uit = subprocess.run(  # noqa: S603
        [sys.executable, str(Path(belasting.__file__))],
        input=json.dumps(plan),
        capture_output=True,
        text=True,
        check=True,
        preexec_fn=_vastpinnen(kern),  # the load threads of opwarmen() have ended
    )
    return [belasting.Uitslag(**u) for u in json.loads(uit.stdout)]
