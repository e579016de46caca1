import pytest


@pytest.fixture(autouse=True)
def snelle_wachtwoorden(settings):
    """Argon2 is deliberately slow; these tests create many users and never test hashing itself."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
