"""Every factory builds a row the database accepts, so a test can start from any model in one line."""

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db

FACTORIES = [
    f.GebruikerFactory,
    f.ProfielFactory,
    f.MeldingFactory,
    f.BetrokkeneFactory,
    f.MelderIdentiteitFactory,
    f.StatusOvergangFactory,
    f.AuditRegelFactory,
    f.AfdoeningFactory,
    f.StandaardInhoudFactory,
    f.ImportbestandFactory,
    f.AdviesvraagFactory,
    f.VertrouwenspersoonProfielFactory,
    f.CertificeringsstatusFactory,
    f.RapportFactory,
    f.ReeksFactory,
    f.KerncijfersFactory,
    f.MedewerkersPerOnderdeelFactory,
    f.NevenwerkzaamhedenFactory,
    f.KlachtOnderwerpFactory,
    f.KlachtUitkomstFactory,
    f.CifCategorieFactory,
    f.BenoemdKerncijferFactory,
    f.RapportdeelFactory,
    f.GepubliceerdCijferFactory,
    f.VaststellingFactory,
]


@pytest.mark.parametrize("factory", FACTORIES, ids=lambda factory: factory.__name__)
def test_de_fabriek_maakt_een_geldige_rij(factory):
    rij = factory()
    assert type(rij).objects.filter(pk=rij.pk).exists()


def test_meldingen_krijgen_opeenvolgende_nummers_van_hun_jaar():
    nummers = [f.MeldingFactory().nummer for _ in range(3)]
    assert nummers == ["OIF-2024-0001", "OIF-2024-0002", "OIF-2024-0003"]
