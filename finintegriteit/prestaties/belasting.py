"""A small HTTP load generator for the web benchmark, run in its own process on its own core.

Each of N clients keeps one connection open and sends requests back to back; the latencies of all
clients are collected per page. The loop is bounded by a request count and a time limit and only
ever talks to a loopback address.
"""

import http.client
import re
import statistics
import threading
import time
import urllib.parse
from dataclasses import dataclass, field

CSRF_VELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Verzoek:
    naam: str
    pad: str
    cookies: dict[str, str]
    methode: str = "GET"
    formulier: dict[str, str] | None = None  # POST body; the CSRF token is fetched from `pad` first
    verwacht: tuple[int, ...] = (200,)


@dataclass
class Uitslag:
    naam: str
    latenties: list[float] = field(default_factory=list)
    fouten: int = 0
    duur: float = 0.0

    @property
    def aantal(self) -> int:
        return len(self.latenties)

    def percentiel(self, p: float) -> float:
        if not self.latenties:
            return float("nan")
        return statistics.quantiles(self.latenties, n=100, method="inclusive")[int(p) - 1]

    @property
    def per_seconde(self) -> float:
        return self.aantal / self.duur if self.duur else 0.0


def _cookie_header(cookies: dict[str, str]) -> str:
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def _client(host: str, poort: int, verzoek: Verzoek, aantal: int, deadline: float, uitslag: Uitslag, slot):
    verbinding = http.client.HTTPConnection(host, poort, timeout=30)
    cookies = dict(verzoek.cookies)
    for _ in range(aantal):
        if time.monotonic() > deadline:
            break
        headers = {"Cookie": _cookie_header(cookies), "Host": "localhost"}
        body = None
        if verzoek.methode == "POST":
            verbinding.request("GET", verzoek.pad, headers=headers)
            antwoord = verbinding.getresponse()
            html = antwoord.read().decode("utf-8", "replace")
            for kop in antwoord.headers.get_all("Set-Cookie") or []:
                naam, _, rest = kop.partition("=")
                cookies[naam.strip()] = rest.split(";", 1)[0]
            token = CSRF_VELD.search(html)
            body = urllib.parse.urlencode(
                {**(verzoek.formulier or {}), "csrfmiddlewaretoken": token.group(1) if token else ""}
            )
            headers = {
                "Cookie": _cookie_header(cookies),
                "Host": "localhost",
                "Content-Type": "application/x-www-form-urlencoded",
                "Referer": f"http://localhost{verzoek.pad}",
            }
        begin = time.perf_counter()
        try:
            verbinding.request(verzoek.methode, verzoek.pad, body=body, headers=headers)
            antwoord = verbinding.getresponse()
            antwoord.read()
            goed = antwoord.status in verzoek.verwacht
        except (OSError, http.client.HTTPException):
            verbinding.close()
            verbinding = http.client.HTTPConnection(host, poort, timeout=30)
            goed = False
        duur = time.perf_counter() - begin
        with slot:
            if goed:
                uitslag.latenties.append(duur)
            else:
                uitslag.fouten += 1
    verbinding.close()


def belast(
    host: str, poort: int, verzoek: Verzoek, *, clients: int, per_client: int, max_seconden: float
) -> Uitslag:
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError("De belastingtest praat alleen met een loopback-adres.")
    uitslag = Uitslag(verzoek.naam)
    slot = threading.Lock()
    deadline = time.monotonic() + max_seconden
    draden = [
        threading.Thread(target=_client, args=(host, poort, verzoek, per_client, deadline, uitslag, slot))
        for _ in range(clients)
    ]
    begin = time.perf_counter()
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    uitslag.duur = time.perf_counter() - begin
    return uitslag
