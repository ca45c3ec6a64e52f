import pytest


@pytest.fixture(autouse=True)
def _plain_http(settings):
    # config/settings.py turns SECURE_SSL_REDIRECT on whenever DEBUG is off, tests included;
    # the test client speaks plain HTTP, so every page would answer 301 without this.
    settings.SECURE_SSL_REDIRECT = False
