"""Anonymity by design in the meldkanaal: each test tries to find the melder the way an insider with the
database, the logs or the files would, and finds nothing."""

import datetime
import io
import ipaddress
import os
import re
import time
import zipfile
from pathlib import Path

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from PIL import Image
from PIL.PngImagePlugin import PngInfo
from pypdf import PdfReader

from finintegriteit.kern.models import AuditRegel
from meldingen.models import Bericht, Document, MelderIdentiteit, Melding, Opschoning, StatusOvergang
from tests.bouwstenen.inloggen import ingelogde_browser
from tests.bouwstenen.logboek import sessierij
from tests.bouwstenen.meldkanaal import bestand, foto_met_exif, gegevens, op_schijf, pdf_met_auteur

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lege_tellers")]
SPOREN = {
    "REMOTE_ADDR": "203.0.113.77",
    "HTTP_USER_AGENT": "Ontdekbaar/9.9",
    "HTTP_X_FORWARDED_FOR": "198.51.100.23",
}
CODE = re.compile(r"[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}")


@pytest.fixture(autouse=True)
def opslag(settings, tmp_path):
    settings.DOCUMENT_ROOT = tmp_path / "documenten"


def png_met_tekst() -> bytes:
    info = PngInfo()
    info.add_text("Author", "Jan Melder")
    uit = io.BytesIO()
    Image.new("RGB", (10, 10), "blue").save(uit, format="PNG", pnginfo=info)
    return uit.getvalue()


def docx_met_auteur() -> bytes:
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
        z.writestr("docProps/core.xml", "<cp:coreProperties><dc:creator>Jan Melder</dc:creator>")
    return uit.getvalue()


def test_voor_de_code_geen_cookie_behalve_csrf_en_daarna_alleen_een_kort_ondertekend_cookie():
    melder = Client(enforce_csrf_checks=False)
    gezet = set()
    for antwoord in (
        melder.get(reverse("meldkanaal:loket")),
        melder.get(reverse("meldkanaal:vertrouwenspersonen")),
        melder.get(reverse("meldkanaal:melden")),
        melder.post(reverse("meldkanaal:melden"), gegevens()),
        melder.get(reverse("meldkanaal:terug")),
        melder.post(reverse("meldkanaal:terug"), {"code": "0000-0000-0000-0000-0000"}),
    ):
        gezet |= set(antwoord.cookies)
        if antwoord.templates and antwoord.templates[0].name.endswith("ontvangen.html"):
            code = CODE.search(antwoord.content.decode()).group(0)
    assert gezet <= {"csrftoken"}
    assert not Session.objects.exists()

    inloggen = melder.post(reverse("meldkanaal:terug"), {"code": code})
    cookie = inloggen.cookies["meldkanaal"]
    assert set(inloggen.cookies) == {"meldkanaal"}
    assert cookie["httponly"] and cookie["samesite"] == "Strict" and cookie["path"] == "/melden/"
    assert 0 < int(cookie["max-age"]) <= 3600
    assert str(Melding.objects.get().pk) != cookie.value and ":" in cookie.value  # signed, not a bare id
    assert not Session.objects.exists()


def test_een_ingelogde_medewerker_die_anoniem_meldt_laat_geen_spoor_in_zijn_sessie(coordinator, time_machine):
    """The attack: a coordinator, logged in, reports anonymously in the same browser. Had the meldkanaal
    loaded that session, the row naming the user (_auth_user_id) would have been saved again by the
    report: an expire_date of the time of the report plus 30 minutes, a row version next to the
    melding's. The session row must be exactly as before and the melding must hold nothing of the user."""
    time_machine.move_to(timezone.make_aware(datetime.datetime(2025, 3, 10, 9, 0)), tick=False)
    browser = ingelogde_browser("coordinator")
    sleutel = browser.cookies["sessionid"].value
    voor = sessierij(sleutel)
    audit_voor = AuditRegel.objects.order_by("pk").last().pk
    assert str(coordinator.pk) in Session.objects.get(pk=sleutel).get_decoded()["_auth_user_id"]
    time_machine.shift(datetime.timedelta(minutes=7))

    loket = browser.get(reverse("meldkanaal:loket"))
    antwoorden = [loket, browser.get(reverse("meldkanaal:melden"))]
    ontvangen = browser.post(reverse("meldkanaal:melden"), gegevens())
    code = CODE.search(ontvangen.content.decode()).group(0)
    antwoorden += [
        ontvangen,
        browser.get(reverse("meldkanaal:vertrouwenspersonen")),
        browser.post(reverse("meldkanaal:terug"), {"code": code}),
        browser.get(reverse("meldkanaal:terug")),
        browser.post(reverse("meldkanaal:aanvullen"), {"tekst": "Nog een detail."}),
        browser.post(reverse("meldkanaal:afmelden")),
    ]

    assert [a.status_code for a in antwoorden] == [200, 200, 200, 200, 302, 200, 302, 302]
    assert sessierij(sleutel) == voor, "het meldkanaal schreef de sessie van de ingelogde melder"
    assert Session.objects.count() == 1, "het meldkanaal maakte een sessie aan"
    assert not [a for a in antwoorden if "sessionid" in a.cookies], "het meldkanaal zette een sessiecookie"
    pagina = loket.content.decode()
    assert "coordinator" not in pagina and "Uitloggen" not in pagina
    assert "los van uw account" in pagina
    melding = Melding.objects.get()
    assert not MelderIdentiteit.objects.exists()
    rijen = [
        melding,
        *melding.statusovergangen.all(),
        *Bericht.objects.filter(melding=melding),
        *AuditRegel.objects.filter(pk__gt=audit_voor),
    ]
    assert len(rijen) >= 5
    for rij in rijen:
        for veld in rij._meta.concrete_fields:
            if veld.is_relation and veld.related_model is type(coordinator):
                assert getattr(rij, veld.attname) is None, f"{rij._meta.label}.{veld.name}"
    dump = io.StringIO()
    call_command("dumpdata", "meldingen", stdout=dump)
    assert "coordinator" not in dump.getvalue()
    # Elsewhere the coordinator is still logged in: the meldkanaal only left the session alone.
    assert browser.get(reverse("kern:mijn_account")).status_code == 200


def redis_sleutels(settings, patroon: str) -> set[str]:
    """What an insider with access to Redis sees: the keys themselves, not Django's cache API."""
    import redis

    ruw = redis.Redis.from_url(settings.CACHES["default"]["LOCATION"])
    return {sleutel.decode() for sleutel in ruw.keys(patroon)}


MET_REDIS = pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="Redis nodig (draait in CI)")


def test_het_adres_in_de_teller_is_met_secret_key_niet_terug_te_vinden(settings):
    """The attack: an insider with SECRET_KEY and the cache hashes every address of a range the way the
    counter key was made (an HMAC under SECRET_KEY) and looks for the result. Within the window the
    limit must still hold for the address, and none of those keys may exist."""
    settings.MELDKANAAL_MELDINGEN_PER_ADRES = 2
    melder = Client(REMOTE_ADDR="10.20.30.40")
    statussen = [melder.post(reverse("meldkanaal:melden"), gegevens()).status_code for _ in range(3)]
    assert statussen == [200, 200, 429], "de grens per adres geldt niet meer"

    kandidaten = [str(adres) for adres in ipaddress.ip_network("10.20.16.0/20")]
    assert "10.20.30.40" in kandidaten
    hashes = {
        salted_hmac("meldingen.meldkanaal.adres", adres, algorithm=algoritme).hexdigest()[:32]
        for adres in kandidaten
        for algoritme in ("sha1", "sha256")
    }
    sleutels = [f"meldkanaal:melden:adres:{h}" for h in hashes]
    assert not cache.get_many(sleutels), "het adres van de melder is met SECRET_KEY terug te rekenen"
    if os.environ.get("REDIS_URL"):
        opgeslagen = {s.rsplit(":", 1)[1] for s in redis_sleutels(settings, "*meldkanaal:melden:adres:*")}
        assert opgeslagen, "de teller per adres staat niet in Redis"
        assert not opgeslagen & hashes


@MET_REDIS
def test_na_het_venster_blijft_niets_over_en_krijgt_hetzelfde_adres_een_andere_sleutel(settings):
    """Whoever copies the counter keys in one window cannot recognise the address in the next one: the
    secret behind the key lives only in the cache, for one window, and a new window draws a new one."""
    settings.MELDKANAAL_VENSTER_SECONDEN = 1
    melder = Client(REMOTE_ADDR="10.20.30.40")
    assert melder.post(reverse("meldkanaal:melden"), gegevens()).status_code == 200
    eerste = redis_sleutels(settings, "*meldkanaal:melden:adres:*")
    assert eerste
    time.sleep(1.5)
    assert not redis_sleutels(settings, "*meldkanaal*"), "na het venster staat er nog iets in Redis"
    assert melder.post(reverse("meldkanaal:melden"), gegevens()).status_code == 200
    tweede = redis_sleutels(settings, "*meldkanaal:melden:adres:*")
    assert tweede and not tweede & eerste, "hetzelfde adres kreeg in een nieuw venster dezelfde sleutel"


def test_het_venster_in_de_cache_noemt_alleen_het_kwartier_niet_het_moment_van_de_melder(
    settings, time_machine
):
    """The attack: on a quiet channel the first request after a pause opened the window, and the
    window's end (stored to the microsecond, and its keys' expiry) less its length gave that melder's
    moment to whoever reads the cache. Now every window ends on the clock's quarter hour."""
    from meldingen.services.meldkanaal import _VENSTER_SLEUTEL

    settings.MELDKANAAL_VENSTER_SECONDEN = 15 * 60
    kwartier = timezone.make_aware(datetime.datetime(2025, 3, 10, 14, 45)).timestamp()
    time_machine.move_to(timezone.make_aware(datetime.datetime(2025, 3, 10, 14, 37, 12, 345678)), tick=False)
    assert Client(REMOTE_ADDR="10.20.30.40").post(reverse("meldkanaal:melden"), gegevens()).status_code == 200
    assert cache.get(_VENSTER_SLEUTEL)["einde"] == kwartier


def test_geen_adres_browser_of_tijdstip_van_de_melder_in_database_of_log(
    caplog, time_machine, django_capture_on_commit_callbacks
):
    caplog.set_level("DEBUG")
    time_machine.move_to(timezone.make_aware(datetime.datetime(2025, 3, 10, 14, 37, 12)), tick=False)
    melder = Client(**SPOREN)
    with django_capture_on_commit_callbacks(execute=True):
        antwoord = melder.post(
            reverse("meldkanaal:melden"), gegevens(bijlagen=[bestand("foto.jpg", foto_met_exif())])
        )
        code = CODE.search(antwoord.content.decode()).group(0)
        melder.post(reverse("meldkanaal:terug"), {"code": code})
        melder.post(reverse("meldkanaal:aanvullen"), {"tekst": "Nog een detail."})
    middernacht = timezone.make_aware(datetime.datetime(2025, 3, 10, 0, 0))
    tijden = [
        *Melding.objects.values_list("aangemaakt_op", flat=True),
        *StatusOvergang.objects.values_list("op", flat=True),
        *Document.objects.values_list("op", flat=True),
        *Bericht.objects.values_list("op", flat=True),
        *AuditRegel.objects.filter(gebruiker=None).values_list("op", flat=True),
    ]
    assert len(tijden) >= 7 and set(tijden) == {middernacht}, "alleen de dag, nooit het tijdstip"
    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    for spoor in ("203.0.113.77", "198.51.100.23", "Ontdekbaar", "13:37"):
        assert spoor not in dump.getvalue(), spoor
        assert spoor not in caplog.text, spoor


def test_metadata_van_foto_png_en_pdf_verdwijnen_en_de_melder_hoort_wat_wel_en_niet():
    melder = Client()
    bijlagen = [
        bestand("foto.jpg", foto_met_exif()),
        bestand("scherm.png", png_met_tekst()),
        bestand("brief.pdf", pdf_met_auteur()),
        bestand("notitie.docx", docx_met_auteur()),
    ]
    antwoord = melder.post(reverse("meldkanaal:melden"), gegevens(bijlagen=bijlagen))
    ontvangen = antwoord.content.decode()
    assert "halen we niets weg" in ontvangen and "GPS-locatie" in ontvangen
    # Kept under neutral names, numbered in the order sent (test_meldkanaal_bijlagen.py).
    documenten = {d.bestandsnaam: d for d in Document.objects.all()}
    for naam in ("bijlage-1.jpg", "bijlage-2.png", "bijlage-3.pdf"):
        document = documenten[naam]
        inhoud = op_schijf(document)
        assert document.opschoning == Opschoning.VERWIJDERD, naam
        assert b"Jan Melder" not in inhoud and b"Geheime Camera" not in inhoud, naam
        assert document.grootte == len(inhoud)
    with Image.open(io.BytesIO(op_schijf(documenten["bijlage-1.jpg"]))) as foto:
        assert not foto.getexif() and foto.size == (20, 40), "zonder EXIF, maar wel rechtop gezet"
    assert PdfReader(io.BytesIO(op_schijf(documenten["bijlage-3.pdf"]))).metadata is None
    assert documenten["bijlage-4.docx"].opschoning == Opschoning.NIET_MOGELIJK

    melder.post(reverse("meldkanaal:terug"), {"code": CODE.search(ontvangen).group(0)})
    dossier = melder.get(reverse("meldkanaal:terug")).content.decode()
    assert "bijlage-4.docx</span>: verborgen gegevens niet verwijderd" in dossier
    assert (
        "bijlage-3.pdf</span>: verborgen gegevens (auteur, camera, tijdstip, locatie) verwijderd" in dossier
    )


def test_de_analist_opent_de_bijlage_meteen_en_zonder_metadata(analist_client):
    """No waiting for a worker, and nothing of the camera or the author in what the analist downloads."""
    Client().post(reverse("meldkanaal:melden"), gegevens(bijlagen=[bestand("foto.jpg", foto_met_exif())]))
    document = Document.objects.get()
    antwoord = analist_client.get(reverse("meldingen:document_downloaden", args=[document.pk]))
    assert antwoord.status_code == 200
    inhoud = b"".join(antwoord.streaming_content)
    assert inhoud[:3] == b"\xff\xd8\xff" and b"Jan Melder" not in inhoud and b"Geheime Camera" not in inhoud
    zaak = analist_client.get(Melding.objects.get().get_absolute_url()).content.decode()
    assert "metadata verwijderd" in zaak and "de melder (meldkanaal)" in zaak


def test_een_verkeerde_bijlage_wordt_geweigerd_en_er_blijft_niets_achter(settings):
    # A good photo first: its file was already written when the second file is refused.
    bijlagen = [bestand("goed.jpg", foto_met_exif()), bestand("foto.jpg", b"MZ\x90\x00 een programma")]
    antwoord = Client().post(reverse("meldkanaal:melden"), gegevens(bijlagen=bijlagen))
    assert "foto.jpg: Dit bestand wordt niet geaccepteerd" in antwoord.content.decode()
    assert not Melding.objects.exists() and not Document.objects.exists()
    assert not any(Path(settings.DOCUMENT_ROOT).glob("*"))


def test_geen_bronnen_van_buiten_op_enige_pagina_van_het_kanaal():
    melder = Client()
    antwoord = melder.post(reverse("meldkanaal:melden"), gegevens())
    paginas = [antwoord.content.decode()]
    melder.post(reverse("meldkanaal:terug"), {"code": CODE.search(paginas[0]).group(0)})
    for naam in ("loket", "melden", "terug", "vertrouwenspersonen"):
        paginas.append(Client().get(reverse(f"meldkanaal:{naam}")).content.decode())
    paginas.append(melder.get(reverse("meldkanaal:terug")).content.decode())
    assert "Stand van zaken" in paginas[-1]
    for html in paginas:
        assert not re.search(r'(src|href|action)="(https?:)?//', html)
        assert "@import" not in html and "url(http" not in html


PROJECT = Path(__file__).resolve().parents[2]


def test_de_proxy_schrijft_het_meldkanaal_niet_in_een_toegangslog():
    """The Caddyfile is checked as text (no Caddy binary here): Caddy 2.8 writes an access log only with
    a `log` directive, and `log_skip` keeps the meldkanaal out of it when someone adds one."""
    caddyfile = (PROJECT / "docker" / "Caddyfile").read_text(encoding="utf-8")
    regels = [r.split("#")[0].strip() for r in caddyfile.splitlines()]
    assert "log_skip /melden*" in regels
    assert "log_skip /tellijst/*" in regels, "ook geen regel per opgeslagen adviesvraag"


# A PDF that pypdf cannot read (no cross-reference table), with the author in plain sight.
PDF_ZONDER_XREF = (
    b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> "
    b"endobj\n3 0 obj <</Author (Jan Melder)>> endobj\ntrailer <</Root 1 0 R /Info 3 0 R>>\n%%EOF\n"
)


def test_een_pdf_die_niet_op_te_schonen_is_wordt_geweigerd_voordat_iets_verstuurd_is(tmp_path, settings):
    """It used to reach OIF with its author; the melder heard so only after sending, too late."""
    settings.DOCUMENT_ROOT = tmp_path
    antwoord = Client().post(
        reverse("meldkanaal:melden"),
        gegevens(bijlagen=[bestand("brief.pdf", PDF_ZONDER_XREF), bestand("foto.jpg", foto_met_exif())]),
    )

    html = antwoord.content.decode()
    assert "brief.pdf: Deze PDF konden we niet lezen" in html
    assert "Daarom is het niet meegestuurd: er kan uw naam in staan." in html
    assert not Melding.objects.exists() and not Document.objects.exists()
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == [], "ook de foto die al geschreven was"
