"""The meldingen factories (through the services) serve the security tests too."""

from tests.meldingen.conftest import maak_betrokkene, maak_melding  # noqa: F401
