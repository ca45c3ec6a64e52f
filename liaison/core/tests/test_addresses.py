"""The client address: the TCP peer, unless the peer is a trusted proxy (then X-Forwarded-For from the right)."""

from __future__ import annotations

import pytest
from django.test import RequestFactory, override_settings

from liaison.core.addresses import client_address


def _request(remote: str = "203.0.113.7", forwarded: str | None = None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **meta)


def test_by_default_no_forwarded_header_is_believed():
    assert client_address(_request("127.0.0.1", "198.51.100.9")) == "127.0.0.1"


@override_settings(TRUSTED_PROXIES=["10.0.0.1"])
def test_behind_a_trusted_proxy_the_address_it_saw_is_the_clients():
    assert client_address(_request("10.0.0.1", "198.51.100.9")) == "198.51.100.9"


@override_settings(TRUSTED_PROXIES=["10.0.0.1"])
def test_addresses_the_client_wrote_itself_are_ignored():
    # The client sent "X-Forwarded-For: 192.0.2.1"; the proxy appended the address it really saw.
    assert client_address(_request("10.0.0.1", "192.0.2.1, 198.51.100.9")) == "198.51.100.9"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/24", "10.1.0.5"])
def test_a_chain_of_trusted_proxies_is_walked_from_the_right():
    request = _request("10.1.0.5", "192.0.2.1, 198.51.100.9, 10.0.0.7")
    assert client_address(request) == "198.51.100.9"


@override_settings(TRUSTED_PROXIES=["10.0.0.1"])
def test_a_peer_that_is_not_a_trusted_proxy_cannot_forge_its_address():
    assert client_address(_request("198.51.100.2", "10.0.0.1, 192.0.2.1")) == "198.51.100.2"


@override_settings(TRUSTED_PROXIES=["10.0.0.1"])
def test_a_request_from_the_proxy_itself_is_the_proxys():
    assert client_address(_request("10.0.0.1")) == "10.0.0.1"
    assert client_address(_request("10.0.0.1", "10.0.0.1")) == "10.0.0.1"


@override_settings(TRUSTED_PROXIES=["10.0.0.1"])
@pytest.mark.parametrize("forwarded", ["not-an-ip", "198.51.100.9, garbage", "198.51.100.9:443"])
def test_garbage_where_the_client_should_be_gives_no_address(forwarded):
    assert client_address(_request("10.0.0.1", forwarded)) is None


@override_settings(TRUSTED_PROXIES=["not a network", "10.0.0.1"])
def test_a_typo_in_the_setting_trusts_nobody_more():
    assert client_address(_request("10.0.0.1", "198.51.100.9")) == "198.51.100.9"
    assert client_address(_request("10.0.0.2", "198.51.100.9")) == "10.0.0.2"


@override_settings(TRUSTED_PROXIES=["::1"])
def test_ipv6_addresses_come_back_in_canonical_form():
    assert client_address(_request("::1", "2001:DB8:0:0::1")) == "2001:db8::1"
    assert client_address(_request("2001:DB8::2")) == "2001:db8::2"


def test_no_peer_address_is_none():
    assert client_address(_request("")) is None
    assert client_address(object()) is None
