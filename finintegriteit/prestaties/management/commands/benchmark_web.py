from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.urls import reverse

from finintegriteit.kern import rollen as r
from finintegriteit.prestaties import belasting, meting, web
from finintegriteit.prestaties.urls import BASELINE_PAD
from meldingen.models import Betrokkene, Melding
from vertrouwenspersonen.selectors import adviesvragen_van

DOEL = 3.0
BASELINE = "baseline (1 query, kleine template)"
WERKVOORRAAD_TIJDENS_STROOM = "werkvoorraad tijdens een stroom meldingen"
STROOM = "stroom: anonieme meldingen (200 of 429)"


class Command(BaseCommand):
    help = (
        "Zet gunicorn (core 0) onder belasting van N gelijktijdige ingelogde clients (core 1) op de "
        "werkvoorraad (ook zoeken op een personeelsnummer en op een woord), het Tellijst-formulier "
        "(GET en POST) en het dashboard, en de werkvoorraad nog eens terwijl een stroom anonieme meldingen "
        "op /melden/oif/ binnenkomt, naast een minimale pagina met één query in dezelfde run. Drukt p50, "
        "p95, verzoeken/s en p95 ÷ p95 van de baseline af."
    )

    def add_arguments(self, parser):
        parser.add_argument("--clients", type=int, default=20)
        parser.add_argument("--seconden", type=float, default=30, help="Duur van de belasting per pagina.")
        parser.add_argument("--workers", type=int, default=3, help="gunicorn sync-workers (2 × 1 core + 1).")
        parser.add_argument("--rondes", type=int, default=1, help="Alle pagina's zo vaak; tijden samen.")
        parser.add_argument("--timeout", type=float, default=300, help="Maximale wachttijd per verzoek (s).")
        parser.add_argument("--opwarmen", type=int, default=2, help="Verzoeken per worker per pagina vooraf.")
        parser.add_argument(
            "--stroom-clients",
            type=int,
            default=10,
            help="Anonieme clients die tegelijk met de werkvoorraad meldingen posten (0 = geen stroom).",
        )

    def handle(self, *args, clients, seconden, workers, rondes, timeout, opwarmen, stroom_clients, **options):
        if connection.vendor != "postgresql":
            raise CommandError(
                "benchmark_web vraagt PostgreSQL: de server draait in eigen processen en moet dezelfde "
                "database zien (zet DATABASE_URL=postgres://…)."
            )
        try:
            formulier = web.tellijst_formulier()
            melding = web.meldkanaal_formulier() if stroom_clients else None
        except ValueError as fout:
            raise CommandError(str(fout)) from fout
        leden = {rol: web.gebruiker(rol) for rol in web.GEBRUIKERS}
        sleutels = {rol: web.sessies(lid, aantal=clients) for rol, lid in leden.items()}
        vp = leden[r.VERTROUWENSPERSOON]
        al_geregistreerd = set(adviesvragen_van(gebruiker=vp).values_list("pk", flat=True))
        verzoeken = self._verzoeken(sleutels, formulier, melding, stroom_clients)
        laatste_melding = Melding.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        server_kern, belasting_kern = web.kernen()
        server = web.server_starten(workers=workers, kern=server_kern, wacht_op="/")
        try:
            web.opwarmen(server.poort, verzoeken, workers=workers, per_worker=opwarmen)
            uitslagen: dict[str, belasting.Uitslag] = {}
            for _ in range(max(rondes, 1)):
                for uitslag in web.belasten(
                    poort=server.poort,
                    verzoeken=verzoeken,
                    clients=clients,
                    seconden=seconden,
                    timeout=timeout,
                    kern=belasting_kern,
                ):
                    if uitslag.naam in uitslagen:
                        uitslagen[uitslag.naam].samenvoegen(uitslag)
                    else:
                        uitslagen[uitslag.naam] = uitslag
        finally:
            server.stoppen()
            # The POST phase added rows of the benchmark account; take them out again.
            adviesvragen_van(gebruiker=vp).exclude(pk__in=al_geregistreerd).delete()
            # And the meldingen the flood got through (their numbers stay used: the counter moved on).
            Melding.objects.filter(pk__gt=laatste_melding, kanaal=Melding.Kanaal.MELDKANAAL).delete()
            for lijst in sleutels.values():
                web.sessies_opruimen(lijst)
        self._verslag(uitslagen, clients=clients, workers=workers, kernen=(server_kern, belasting_kern))

    def _verzoeken(self, sleutels, formulier, melding, stroom_clients) -> list[belasting.Verzoek]:
        def cookies(rol):
            return [{"sessionid": s} for s in sleutels[rol]]

        tellijst = reverse("vertrouwenspersonen:invoeren")
        werkvoorraad = reverse("meldingen:werkvoorraad")
        # A personnel number that exists (the generator gives every betrokkene one) and a word that
        # occurs in many omschrijvingen: the two searches an analist makes most.
        nummer = (
            Betrokkene.objects.exclude(personeelsnummer="")
            .order_by("-pk")
            .values_list("personeelsnummer", flat=True)
            .first()
            or "1234567"
        )
        return [
            belasting.Verzoek(BASELINE, BASELINE_PAD, cookies(r.VERTROUWENSPERSOON)),
            belasting.Verzoek("werkvoorraad (meldingen)", werkvoorraad, cookies(r.OIF_ANALIST)),
            belasting.Verzoek(
                "zoeken: personeelsnummer", f"{werkvoorraad}?q={nummer}", cookies(r.OIF_ANALIST)
            ),
            belasting.Verzoek("zoeken: woord", f"{werkvoorraad}?q=declaraties", cookies(r.OIF_ANALIST)),
            belasting.Verzoek("Tellijst-formulier GET", tellijst, cookies(r.VERTROUWENSPERSOON)),
            belasting.Verzoek(
                "Tellijst-formulier POST",
                tellijst,
                cookies(r.VERTROUWENSPERSOON),
                methode="POST",
                formulier=formulier,
                verwacht=(302,),
            ),
            belasting.Verzoek(
                "dashboard (rapportage)", reverse("rapportage:dashboard"), cookies(r.COORDINATOR)
            ),
        ] + self._stroom(werkvoorraad, cookies(r.OIF_ANALIST), melding, stroom_clients)

    @staticmethod
    def _stroom(werkvoorraad, cookies, melding, stroom_clients) -> list[belasting.Verzoek]:
        """The werkvoorraad while anonymous clients post meldingen (docs/prestaties.md, 'Meldkanaal onder
        een stroom'): beyond the limits they get 429, which counts as an answer, not a fault."""
        if not stroom_clients:
            return []
        stroom = belasting.Verzoek(
            STROOM,
            reverse("meldkanaal:melden"),
            [{}],
            methode="POST",
            formulier=melding,
            verwacht=(200, 429),
        )
        return [
            belasting.Verzoek(
                WERKVOORRAAD_TIJDENS_STROOM,
                werkvoorraad,
                cookies,
                tegelijk={**stroom.__dict__, "verwacht": [200, 429], "clients": stroom_clients},
            )
        ]

    def _verslag(self, uitslagen, *, clients, workers, kernen) -> None:
        server_kern, belasting_kern = kernen
        if server_kern is None:
            self.stdout.write("Let op: maar één core beschikbaar; server en belasting delen die.")
        else:
            self.stdout.write(
                f"gunicorn {workers} sync-workers op core {server_kern}, {clients} clients op core "
                f"{belasting_kern}; PostgreSQL niet vastgepind."
            )
        basis = uitslagen[BASELINE]
        basis_p95 = basis.percentiel(95)
        rijen = []
        for naam, u in uitslagen.items():
            p95 = u.percentiel(95)
            ratio = "-" if naam == BASELINE else f"{meting.verhouding(p95, basis_p95):.2f}"
            rijen.append(
                [
                    naam,
                    u.aantal,
                    u.fouten,
                    f"{u.percentiel(50) * 1000:.1f}",
                    f"{p95 * 1000:.1f}",
                    f"{u.per_seconde:.1f}",
                    ratio,
                ]
            )
        meting.tabel(
            self.stdout,
            ["pagina", "verzoeken", "fouten", "p50 (ms)", "p95 (ms)", "verzoeken/s", "p95 ÷ baseline"],
            rijen,
        )
        for naam, u in uitslagen.items():
            if u.fouten:
                self.stdout.write(f"{naam}: {u.fouten} fout(en); statussen {u.statussen}")
            if naam not in (BASELINE, STROOM):  # the flood is the load, not an analist's page
                meting.regel_doel(self.stdout, naam, meting.verhouding(u.percentiel(95), basis_p95), DOEL)
