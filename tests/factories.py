"""One factory per model (factory_boy). Taxonomy options are the seeded rows, picked by code.

A test says only what matters to it: `MeldingFactory(ontvangen_op=...)`, `AfdoeningFactory(datum=...)`.
Meldingen get their case number from meldingen.nummering, like every registration.
"""

import datetime
import hashlib

import factory
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from afdoeningen.models import Afdoening, StandaardInhoud
from finintegriteit.kern.importeren.selectors import eigenaar_van
from finintegriteit.kern.models import AuditRegel, Importbestand, Profiel
from finintegriteit.referentie import models as ref
from meldingen.models import Betrokkene, MelderIdentiteit, Melding, StatusOvergang
from meldingen.nummering import volgend_meldingsnummer
from rapportage.models import (
    BenoemdKerncijfer,
    CifCategorie,
    GepubliceerdCijfer,
    Kerncijfers,
    KlachtOnderwerp,
    KlachtUitkomst,
    MedewerkersPerOnderdeel,
    Nevenwerkzaamheden,
    Rapport,
    Rapportdeel,
    Reeks,
    Vaststelling,
)
from vertrouwenspersonen.models import Adviesvraag, Certificeringsstatus, VertrouwenspersoonProfiel
from vertrouwenspersonen.pseudoniem import pseudoniem_van


def optie(model, code: str):
    return model.objects.get(code=code)


def _optie(model, code: str):
    return factory.LazyFunction(lambda: optie(model, code))


class GebruikerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    password = factory.django.Password("geheim-voor-tests-123")


class ProfielFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profiel

    gebruiker = factory.SubFactory(GebruikerFactory)
    onderdeel = None


class MeldingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Melding

    ontvangen_op = datetime.date(2024, 3, 1)
    melder_type = _optie(ref.MelderType, "medewerker")
    onderwerp = _optie(ref.SchendingSoort, "ongewenste-omgangsvormen")
    dienstonderdeel = _optie(ref.Onderdeel, "belastingdienst")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        with transaction.atomic():
            volgnummer, nummer = volgend_meldingsnummer(jaar=kwargs["ontvangen_op"].year)
            kwargs.update(jaar=kwargs["ontvangen_op"].year, volgnummer=volgnummer, nummer=nummer)
            return super()._create(model_class, *args, **kwargs)


class BetrokkeneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Betrokkene

    melding = factory.SubFactory(MeldingFactory)
    dienstonderdeel = factory.LazyAttribute(lambda b: b.melding.dienstonderdeel)


class MelderIdentiteitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MelderIdentiteit

    melding = factory.SubFactory(MeldingFactory)
    naam = "Piet Melder"
    contact = "piet.melder@example.org"
    kanaal = MelderIdentiteit.Kanaal.choices[0][0]


class StatusOvergangFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatusOvergang

    melding = factory.SubFactory(MeldingFactory)
    van = ""
    naar = Melding.Status.ONTVANGEN


class AuditRegelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuditRegel

    actie = AuditRegel.Actie.BEKEKEN
    object_type = "melding"
    object_id = "1"


class AfdoeningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Afdoening

    betrokkene = factory.SubFactory(BetrokkeneFactory)
    schending = _optie(ref.SchendingSoort, "ongewenste-omgangsvormen")
    type = _optie(ref.AfdoeningType, "corrigerend-gesprek")
    datum = datetime.date(2024, 6, 1)
    inhoud = "Ongewenste omgangsvormen medewerker."


class StandaardInhoudFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StandaardInhoud

    tekst = factory.Sequence(lambda n: f"Standaardomschrijving {n}.")


class ImportbestandFactory(factory.django.DjangoModelFactory):
    """A checked register upload that waits for its confirmation."""

    class Meta:
        model = Importbestand

    soort = Importbestand.Soort.OIF_REGISTER
    door = factory.SubFactory(GebruikerFactory)
    eigenaar = factory.LazyAttribute(lambda o: eigenaar_van(o.door, soort=o.soort))
    bestandsnaam = "register.csv"
    formaat = "csv"
    bestand = b""
    sha256 = "0" * 64
    status = Importbestand.Status.VOORBEELD


class AdviesvraagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Adviesvraag

    class Params:
        eigenaar = None  # the vertrouwenspersoon who registered the row

    jaar = 2024
    kwartaal = 2
    onderdeel = _optie(ref.Onderdeel, "douane")
    hoofdcategorie = _optie(ref.Hoofdcategorie, "ongewenste-omgangsvormen")
    subcategorie = _optie(ref.Subcategorie, "5-intimidatie")
    wie_betreft = _optie(ref.WieBetreft, "direct-leidinggevende")
    wijze_van_afdoening = _optie(ref.WijzeVanAfdoening, "loopt-nog")
    situatie = _optie(ref.SituatieNaInterventie, "loopt-nog")
    melder_is_beklaagde = None
    evaluatielink = Adviesvraag.Evaluatielink.NIET_AANGEGEVEN
    pseudoniem = factory.LazyAttribute(lambda o: pseudoniem_van(o.eigenaar) if o.eigenaar else "")


class VertrouwenspersoonProfielFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VertrouwenspersoonProfiel

    naam = factory.Sequence(lambda n: f"Vertrouwenspersoon {n}")
    onderdeel = _optie(ref.Onderdeel, "belastingdienst")
    in_functie_sinds = datetime.date(2020, 1, 1)


class CertificeringsstatusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certificeringsstatus

    vertrouwenspersoon = factory.SubFactory(VertrouwenspersoonProfielFactory)
    status = Certificeringsstatus.Status.choices[0][0]
    vanaf = datetime.date(2020, 1, 1)


class RapportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rapport

    jaar = 2024
    onderdeel = None
    aangevraagd_door = factory.SubFactory(GebruikerFactory)


class ReeksFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reeks

    jaar = 2024
    aangevraagd_door = factory.SubFactory(GebruikerFactory)


class KerncijfersFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kerncijfers

    jaar = 2024


class _KerncijferRegelFactory(factory.django.DjangoModelFactory):
    """A row of a year's kerncijfers. One Kerncijfers per year (unique): a test with several rows builds
    the year once and passes it as `kerncijfers=`."""

    class Meta:
        abstract = True

    kerncijfers = factory.SubFactory(KerncijfersFactory)
    aantal = 1


class MedewerkersPerOnderdeelFactory(_KerncijferRegelFactory):
    class Meta:
        model = MedewerkersPerOnderdeel

    onderdeel = _optie(ref.Onderdeel, "douane")
    aantal = 100


class NevenwerkzaamhedenFactory(_KerncijferRegelFactory):
    class Meta:
        model = Nevenwerkzaamheden

    organisatie = factory.Sequence(lambda n: f"Organisatie {n}")
    onderdeel = None  # an organisation that is no onderdeel, like Inspectie BTD


class KlachtOnderwerpFactory(_KerncijferRegelFactory):
    class Meta:
        model = KlachtOnderwerp

    onderwerp = factory.Sequence(lambda n: f"onderwerp {n}")


class KlachtUitkomstFactory(_KerncijferRegelFactory):
    class Meta:
        model = KlachtUitkomst

    uitkomst = factory.Sequence(lambda n: f"uitkomst {n}")


class CifCategorieFactory(_KerncijferRegelFactory):
    class Meta:
        model = CifCategorie

    categorie = factory.Sequence(lambda n: f"Categorie {n}")
    aantal = None  # as the model: the count of a category may be unknown


class BenoemdKerncijferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BenoemdKerncijfer

    kerncijfers = factory.SubFactory(KerncijfersFactory)
    naam = factory.Sequence(lambda n: f"cijfer_{n}")
    omschrijving = factory.Sequence(lambda n: f"Benoemd kerncijfer {n}")
    waarde = 1


class RapportdeelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rapportdeel

    jaar = 2024
    volgorde = factory.Sequence(lambda n: 10 * (n + 1))
    titel = factory.Sequence(lambda n: f"Hoofdstuk {n}")


class GepubliceerdCijferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GepubliceerdCijfer

    jaar = 2024
    inhoud = Rapportdeel.Inhoud.OIF
    omschrijving = factory.Sequence(lambda n: f"Cijfer {n}")
    gepubliceerd = "1"


class VaststellingFactory(factory.django.DjangoModelFactory):
    """An adopted report: figures with their checksum, texts, who and when; no PDF file unless given."""

    class Meta:
        model = Vaststelling

    jaar = 2024
    onderdeel = None
    cijfers_json = "{}"
    cijfers_sha256 = factory.LazyAttribute(lambda v: hashlib.sha256(v.cijfers_json.encode()).hexdigest())
    grondslag_json = "{}"
    teksten_json = "{}"
    vastgesteld_door = factory.SubFactory(GebruikerFactory)
    vastgesteld_op = factory.LazyFunction(timezone.now)


def gesloten(**kwargs) -> dict:
    """The fields of a Tellijst row whose case is closed (for AdviesvraagFactory(**gesloten()))."""
    return {
        "wijze_van_afdoening": optie(
            ref.WijzeVanAfdoening, "klankbordgesprek-advies-incl-nazorgcontact-ook-telefonisch-mail"
        ),
        "situatie": optie(ref.SituatieNaInterventie, "genormaliseerd-en-geschil-opgelost"),
        **kwargs,
    }
