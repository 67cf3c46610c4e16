"""URL fetching refuses what it must before any connection, and bounds what it accepts.

Refusals are proven with every outgoing connection made to fail loudly: if ``fetch`` tried to
connect, the test would see ``ConnectionAttempted`` instead of a refusal. The tests that do
connect use a local server on the loopback interface only.
"""

from __future__ import annotations

import http.server
import socket
import threading
import time
from collections.abc import Iterator
from typing import ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.robustness.fuzzkit import FUZZ, fuzzed

from storyfuse import fetch as fetching
from storyfuse.fetch import FetchError, fetch

PUBLIC = "93.184.216.34"  # a public address; nothing is ever sent to it in these tests


class ConnectionAttempted(AssertionError):
    pass


@pytest.fixture
def no_connections(monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    attempts: list[tuple] = []

    def refuse(address, *args, **kwargs):
        attempts.append(address)
        raise ConnectionAttempted(f"a connection to {address} was attempted")

    def refuse_method(self, address):
        refuse(address)

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse_method)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse_method)
    return attempts


def _stub(table: dict[str, list[str]]):
    calls: list[str] = []

    def resolve(host: str, port: int) -> list[str]:
        calls.append(host)
        if host not in table:
            raise socket.gaierror(f"unknown host {host}")
        return table[host]

    resolve.calls = calls  # type: ignore[attr-defined]
    return resolve


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://127.8.9.10:8080/admin",
        "http://[::1]/",
        "http://10.0.0.7/",
        "http://172.16.4.2/",
        "http://192.168.1.1/router",
        "http://169.254.169.254/latest/meta-data/",  # cloud metadata service
        "http://[fe80::1]/",
        "http://[fc00::5]/",
        "http://100.64.0.1/",  # carrier-grade NAT
        "http://0.0.0.0/",
        "http://[::]/",
        "http://224.0.0.1/",
        "http://240.0.0.1/",
        "http://[::ffff:127.0.0.1]/",  # IPv4-mapped loopback
        "https://10.1.2.3/",
    ],
)
def test_private_addresses_refused_without_connecting(url: str, no_connections: list) -> None:
    resolver = _stub({})
    with pytest.raises(FetchError, match="refused"):
        fetch(url, resolver=resolver)
    assert no_connections == []
    assert resolver.calls == []  # literals are checked as they are, not looked up


@pytest.mark.parametrize(
    ("name", "addresses"),
    [
        ("localhost", ["127.0.0.1"]),
        ("intranet.example", ["10.20.30.40"]),
        ("metadata.example", ["169.254.169.254"]),
        ("v6.example", ["fd12:3456::1"]),
        # one private address among public ones is enough to refuse: the client might use it
        ("mixed.example", [PUBLIC, "192.168.0.10"]),
    ],
)
def test_names_resolving_to_private_addresses_refused(
    name: str, addresses: list[str], no_connections: list
) -> None:
    resolver = _stub({name: addresses})
    with pytest.raises(FetchError, match="refused"):
        fetch(f"http://{name}/story", resolver=resolver)
    assert resolver.calls == [name]
    assert no_connections == []


def test_numeric_host_spellings_resolve_to_loopback_and_are_refused(no_connections: list) -> None:
    # "2130706433" and "0x7f.1" are 127.0.0.1 to the C resolver (no DNS query is made).
    for url in ("http://2130706433/", "http://0x7f.1/", "http://017700000001/"):
        try:
            addresses = fetching.system_resolver(url.split("/")[2], 80)
        except OSError:
            continue  # a resolver that does not read this spelling cannot be fooled by it
        with pytest.raises(FetchError, match="refused"):
            fetch(url)
        assert addresses
    assert no_connections == []


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.org/a",
        "gopher://example.org/",
        "javascript:alert(1)",
        "data:text/html,<p>hi</p>",
        "//example.org/no-scheme",
        "example.org/no-scheme",
        "http:///no-host",
        "http://user:secret@example.org/",
        "http://example.org:99999/",
    ],
)
def test_other_schemes_and_malformed_urls_refused(url: str, no_connections: list) -> None:
    with pytest.raises(FetchError):
        fetch(url, resolver=_stub({"example.org": [PUBLIC]}))
    assert no_connections == []


def test_unresolvable_name_is_a_clear_error(no_connections: list) -> None:
    with pytest.raises(FetchError, match="cannot be resolved"):
        fetch("https://no-such-host.example/", resolver=_stub({}))


def test_connection_goes_to_the_checked_address(monkeypatch: pytest.MonkeyPatch) -> None:
    """The name is resolved once; the connection uses that vetted address (no rebinding)."""
    seen: list[tuple] = []

    def record(address, *args, **kwargs):
        seen.append(address)
        raise ConnectionRefusedError("test: refused")

    monkeypatch.setattr(socket, "create_connection", record)
    resolver = _stub({"news.example": [PUBLIC]})
    with pytest.raises(FetchError, match="could not be fetched"):
        fetch("http://news.example:8080/a", resolver=resolver)
    assert seen == [(PUBLIC, 8080)]
    assert resolver.calls == ["news.example"]


# --- against a local server (loopback only) -------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[int, dict[str, str], bytes, float]]] = {}

    def do_GET(self) -> None:
        status, headers, body, delay = self.routes.get(self.path, (404, {}, b"no", 0.0))
        time.sleep(delay)
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[int, dict]]:
    routes: ClassVar[dict[str, tuple[int, dict[str, str], bytes, float]]] = {}
    handler = type("Handler", (_Handler,), {"routes": routes})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd.server_address[1], routes
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_local_server_refused_by_default_and_read_when_allowed(server) -> None:
    port, routes = server
    routes["/a"] = (200, {"Content-Type": "text/html"}, b"<p>Bridge reopens</p>", 0.0)
    with pytest.raises(FetchError, match="loopback"):
        fetch(f"http://127.0.0.1:{port}/a")
    page = fetch(f"http://127.0.0.1:{port}/a", allow_private=True)
    assert page.body == b"<p>Bridge reopens</p>"
    assert page.status == 200 and page.content_type == "text/html"


@pytest.fixture
def public_host(server, monkeypatch: pytest.MonkeyPatch):
    """A host name that resolves to a public address, served by the local server."""
    port, routes = server
    real = socket.create_connection
    attempts: list[tuple] = []

    def route(address, *args, **kwargs):
        attempts.append(address)
        if address[0] != PUBLIC:
            raise ConnectionAttempted(f"connection to {address}")
        return real(("127.0.0.1", port), *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", route)
    return routes, _stub({"news.example": [PUBLIC]}), attempts


def test_redirect_to_a_private_address_refused(public_host) -> None:
    routes, resolver, attempts = public_host
    routes["/story"] = (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b"", 0.0)
    with pytest.raises(FetchError, match="link-local"):
        fetch("http://news.example/story", resolver=resolver)
    assert attempts == [(PUBLIC, 80)]


def test_redirect_followed_when_public(public_host) -> None:
    routes, resolver, _ = public_host
    routes["/old"] = (301, {"Location": "/new"}, b"", 0.0)
    routes["/new"] = (200, {"Content-Type": "text/html"}, b"<p>moved</p>", 0.0)
    page = fetch("http://news.example/old", resolver=resolver)
    assert page.url == "http://news.example/new" and page.body == b"<p>moved</p>"


def test_redirect_loop_bounded(public_host) -> None:
    routes, resolver, attempts = public_host
    routes["/loop"] = (302, {"Location": "/loop"}, b"", 0.0)
    with pytest.raises(FetchError, match="redirects"):
        fetch("http://news.example/loop", resolver=resolver)
    assert len(attempts) == fetching.MAX_REDIRECTS + 1


def test_redirect_to_another_scheme_refused(public_host) -> None:
    routes, resolver, _ = public_host
    routes["/r"] = (302, {"Location": "file:///etc/passwd"}, b"", 0.0)
    with pytest.raises(FetchError, match="only http and https"):
        fetch("http://news.example/r", resolver=resolver)


def test_size_bounded(public_host) -> None:
    routes, resolver, _ = public_host
    routes["/big"] = (200, {}, b"x" * 200_000, 0.0)
    with pytest.raises(FetchError, match="limit"):
        fetch("http://news.example/big", resolver=resolver, max_bytes=100_000)
    assert len(fetch("http://news.example/big", resolver=resolver).body) == 200_000


def test_time_bounded(public_host) -> None:
    routes, resolver, _ = public_host
    routes["/slow"] = (200, {}, b"late", 3.0)
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch("http://news.example/slow", resolver=resolver, timeout=0.5)
    assert time.monotonic() - started < 2.5


def test_http_error_status_is_an_error(public_host) -> None:
    _, resolver, _ = public_host
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch("http://news.example/missing", resolver=resolver)


# --- every address of every non-public range ---------------------------------------------------

NON_PUBLIC = [
    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
    "172.16.0.0/12", "192.0.0.0/29", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4",
    "240.0.0.0/4", "::1/128", "fc00::/7", "fe80::/10", "ff00::/8", "::ffff:127.0.0.0/104",
    "::ffff:10.0.0.0/104", "::ffff:169.254.0.0/112",
]  # fmt: skip


@FUZZ
@given(data=st.data(), network=st.sampled_from(NON_PUBLIC), literal=st.booleans())
def test_any_non_public_address_is_refused(
    data, network: str, literal: bool, no_connections
) -> None:
    fuzzed("security: fetch addresses")
    version = 6 if ":" in network else 4
    address = str(data.draw(st.ip_addresses(v=version, network=network)))
    host = (f"[{address}]" if version == 6 else address) if literal else "host.example"
    resolver = _stub({"host.example": [PUBLIC, address]})
    with pytest.raises(FetchError, match="refused"):
        fetch(f"http://{host}/", resolver=resolver)
    assert no_connections == []


@FUZZ
@given(address=st.ip_addresses(v=4))
def test_public_addresses_pass_the_check(address) -> None:
    fuzzed("security: fetch addresses")
    public = fetching.refusal_reason(address) is None
    assert public == (address.is_global and not address.is_multicast)
    if public:
        got = fetching.vetted_address(
            "http://x/", "x", 80, allow_private=False, resolver=_stub({"x": [str(address)]})
        )
        assert got == str(address)
