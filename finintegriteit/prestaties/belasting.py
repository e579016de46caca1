"""A small HTTP load generator for the web benchmark, run in its own process on its own core.

Each of N clients has its own logged-in session and one connection, and sends requests back to back
(a closed loop: a client waits for its answer before the next request). The latencies of all clients
are collected per page. The loop is bounded by a request count and a time limit and only ever talks
to a loopback address.

Run as `python -m finintegriteit.prestaties.belasting` it reads a JSON plan on stdin and writes the
latencies as JSON on stdout, so that `benchmark_web` can start it as a separate process pinned to
another core than the server. It does not import Django: the load side stays light.
"""

import http.client
import json
import re
import statistics
import sys
import threading
import time
import urllib.parse
from dataclasses import asdict, dataclass, field

CSRF_VELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
LOOPBACK = ("127.0.0.1", "localhost", "::1")


@dataclass
class Verzoek:
    naam: str
    pad: str
    # One cookie set per client (client i uses sessies[i % len]); a session per client keeps the
    # per-request session save of one client from waiting on another's row lock.
    sessies: list[dict[str, str]]
    methode: str = "GET"
    formulier: dict[str, str] | None = None  # POST body; the CSRF token is read once from a GET of `pad`
    verwacht: tuple[int, ...] = (200,)
    # Another request (a Verzoek as a dict, plus its own "clients") sent during the same phase, such as
    # a flood of meldingen while the werkvoorraad is measured; it is reported as its own line.
    tegelijk: dict | None = None


@dataclass
class Uitslag:
    naam: str
    latenties: list[float] = field(default_factory=list)
    fouten: int = 0
    duur: float = 0.0
    statussen: dict[str, int] = field(default_factory=dict)

    @property
    def aantal(self) -> int:
        return len(self.latenties)

    def percentiel(self, p: float) -> float:
        if not self.latenties:
            return float("nan")
        if len(self.latenties) == 1:
            return self.latenties[0]
        return statistics.quantiles(self.latenties, n=100, method="inclusive")[int(p) - 1]

    @property
    def per_seconde(self) -> float:
        return self.aantal / self.duur if self.duur else 0.0

    def samenvoegen(self, ander: "Uitslag") -> None:
        """Pool a second phase of the same page (the --rondes of the benchmark)."""
        self.latenties += ander.latenties
        self.fouten += ander.fouten
        self.duur += ander.duur
        for status, aantal in ander.statussen.items():
            self.statussen[status] = self.statussen.get(status, 0) + aantal


def _cookie_header(cookies: dict[str, str]) -> str:
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def _csrf_token(verbinding, pad: str, cookies: dict[str, str]) -> str:
    """GET the form once: the token from the page, the csrftoken cookie into `cookies`.

    Django's CSRF secret lives in the cookie and stays the same for the session, so one token serves
    every POST of this client; only the POSTs are timed.
    """
    verbinding.request("GET", pad, headers={"Cookie": _cookie_header(cookies), "Host": "localhost"})
    antwoord = verbinding.getresponse()
    html = antwoord.read().decode("utf-8", "replace")
    for kop in antwoord.headers.get_all("Set-Cookie") or []:
        naam, _, rest = kop.partition("=")
        cookies[naam.strip()] = rest.split(";", 1)[0]
    token = CSRF_VELD.search(html)
    return token.group(1) if token else ""


def _client(host, poort, verzoek: Verzoek, nummer, aantal, deadline, timeout, uitslag: Uitslag, slot):
    verbinding = http.client.HTTPConnection(host, poort, timeout=timeout)
    cookies = dict(verzoek.sessies[nummer % len(verzoek.sessies)])
    headers = {"Host": "localhost"}
    body = None
    try:
        if verzoek.methode == "POST":
            token = _csrf_token(verbinding, verzoek.pad, cookies)
            body = urllib.parse.urlencode({**(verzoek.formulier or {}), "csrfmiddlewaretoken": token})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://localhost{verzoek.pad}"
    except (OSError, http.client.HTTPException):
        verbinding.close()
    headers["Cookie"] = _cookie_header(cookies)
    for _ in range(aantal):
        if time.monotonic() > deadline:
            break
        status = "fout"
        begin = time.perf_counter()
        try:
            # A sync gunicorn worker closes the connection after each answer; http.client reconnects.
            verbinding.request(verzoek.methode, verzoek.pad, body=body, headers=headers)
            antwoord = verbinding.getresponse()
            antwoord.read()
            status = str(antwoord.status)
            goed = antwoord.status in verzoek.verwacht
        except (OSError, http.client.HTTPException):
            verbinding.close()
            verbinding = http.client.HTTPConnection(host, poort, timeout=timeout)
            goed = False
        duur = time.perf_counter() - begin
        with slot:
            uitslag.statussen[status] = uitslag.statussen.get(status, 0) + 1
            if goed:
                uitslag.latenties.append(duur)
            else:
                uitslag.fouten += 1
    verbinding.close()


def belast(
    host: str,
    poort: int,
    verzoek: Verzoek,
    *,
    clients: int,
    per_client: int,
    max_seconden: float,
    timeout: float = 120.0,
) -> Uitslag:
    """Run `clients` closed-loop clients against one page until each sent `per_client` requests or
    `max_seconden` passed; a request under way at the deadline is still waited for and counted."""
    if host not in LOOPBACK:
        raise ValueError("De belastingtest praat alleen met een loopback-adres.")
    uitslag = Uitslag(verzoek.naam)
    slot = threading.Lock()
    deadline = time.monotonic() + max_seconden
    draden = [
        threading.Thread(
            target=_client, args=(host, poort, verzoek, n, per_client, deadline, timeout, uitslag, slot)
        )
        for n in range(clients)
    ]
    begin = time.perf_counter()
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    uitslag.duur = time.perf_counter() - begin
    return uitslag


def _hoofd() -> None:
    """Plan on stdin: {host, poort, clients, per_client, max_seconden, timeout, verzoeken: [Verzoek...]}.

    The pages are loaded one after another (one phase per page); the answer is a list of Uitslag.
    """
    plan = json.load(sys.stdin)
    uitslagen = []
    for v in plan["verzoeken"]:
        fasen = [(_verzoek(v), plan["clients"])]
        if v.get("tegelijk"):
            naast = dict(v["tegelijk"])
            fasen.append((_verzoek(naast), naast.pop("clients")))
        resultaten: list[Uitslag | None] = [None] * len(fasen)

        def fase(i, verzoek, clients, resultaten=resultaten):
            resultaten[i] = belast(
                plan["host"],
                plan["poort"],
                verzoek,
                clients=clients,
                per_client=plan["per_client"],
                max_seconden=plan["max_seconden"],
                timeout=plan.get("timeout", 120.0),
            )

        draden = [threading.Thread(target=fase, args=(i, *f)) for i, f in enumerate(fasen)]
        for draad in draden:
            draad.start()
        for draad in draden:
            draad.join()
        uitslagen += [asdict(u) for u in resultaten]
    json.dump(uitslagen, sys.stdout)


def _verzoek(v: dict) -> Verzoek:
    velden = {k: w for k, w in v.items() if k != "clients"}
    return Verzoek(**{**velden, "tegelijk": None, "verwacht": tuple(v.get("verwacht", (200,)))})


if __name__ == "__main__":
    _hoofd()
