"""Fetch one article page by URL, safely. Used only when a user gives a URL on the command line.

Analysis itself never touches the network; this is the one module that does, and only when
asked. Because a URL may come from someone else (a list of links, a feed), ``fetch`` guards
against server-side request forgery:

- only ``http`` and ``https`` URLs, without user names or passwords in them;
- the host name is resolved first and *every* address it resolves to must be a public one:
  private (10/8, 172.16/12, 192.168/16, fc00::/7), loopback, link-local (169.254/16, which
  holds cloud metadata services), shared (100.64/10), multicast, reserved and unspecified
  addresses are refused, before any connection is made, unless ``allow_private=True``;
- the connection goes to the address that was checked, not to a second lookup of the name,
  so a name that resolves differently the second time (DNS rebinding) cannot slip through;
- each redirect is checked the same way, and there are at most ``MAX_REDIRECTS``;
- the response is bounded in size (``max_bytes``) and in time (``timeout`` for the whole
  fetch, not per read), and is asked for without compression so its size is what arrives.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from storyfuse.model import InputError

DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 10_000_000
MAX_REDIRECTS = 5
USER_AGENT = "storyfuse/0.1 (+news article analysis)"

Resolver = Callable[[str, int], list[str]]
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class FetchError(InputError):
    """A URL that was refused or could not be fetched; ``path`` is the URL."""


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    status: int
    content_type: str
    body: bytes
    address: str  # the IP address the body came from


def system_resolver(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to, through the system resolver."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def refusal_reason(address: IPAddress) -> str | None:
    """Why an address is not a public internet address, or None when it is one."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    for reason, flag in (
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("unspecified", address.is_unspecified),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
    ):
        if flag:
            return reason
    if not address.is_global:  # e.g. 100.64.0.0/10, shared address space of carriers
        return "not globally routable"
    return None


def check_url(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of a URL that may be fetched, or FetchError saying why not."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise FetchError(url, f"is not a valid URL ({exc})") from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(url, f"only http and https URLs can be fetched, not {scheme or 'none'!r}")
    if parts.username is not None or parts.password is not None:
        raise FetchError(url, "URLs with a user name or password are not fetched")
    host = parts.hostname
    if not host:
        raise FetchError(url, "the URL names no host")
    return scheme, host, port or (443 if scheme == "https" else 80)


def vetted_address(
    url: str, host: str, port: int, *, allow_private: bool, resolver: Resolver
) -> str:
    """The address to connect to for ``host``, after checking every address it resolves to."""
    try:
        literal: IPAddress | None = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        addresses: list[IPAddress] = [literal]
    else:
        try:
            resolved = resolver(host, port)
        except (OSError, UnicodeError) as exc:
            raise FetchError(url, f"the host name {host!r} cannot be resolved ({exc})") from exc
        try:
            addresses = [ipaddress.ip_address(a.split("%", 1)[0]) for a in resolved]
        except ValueError as exc:
            raise FetchError(url, f"the resolver gave a malformed address ({exc})") from exc
    if not addresses:
        raise FetchError(url, f"the host name {host!r} resolves to no address")
    if not allow_private:
        for address in addresses:
            reason = refusal_reason(address)
            if reason is not None:
                raise FetchError(
                    url,
                    f"refused: {host} resolves to {address} ({reason} address); storyfuse "
                    "fetches only public addresses (save the page and give the file instead)",
                )
    return str(addresses[0])


def fetch(
    url: str,
    allow_private: bool = False,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_BYTES,
    resolver: Resolver | None = None,
) -> Fetched:
    """GET ``url`` and return the body, or raise FetchError saying why it was refused or failed."""
    resolve = resolver or system_resolver
    ends = time.monotonic() + timeout
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        scheme, host, port = check_url(current)
        address = vetted_address(current, host, port, allow_private=allow_private, resolver=resolve)
        status, headers, body = _get(current, scheme, host, port, address, ends, max_bytes)
        if status in (301, 302, 303, 307, 308):
            location = headers.get("location")
            if not location:
                raise FetchError(current, f"redirect ({status}) without a Location header")
            current = urljoin(current, location)
            continue
        if not 200 <= status < 300:
            raise FetchError(current, f"the server answered HTTP {status}")
        return Fetched(
            url=current,
            status=status,
            content_type=headers.get("content-type", ""),
            body=body,
            address=address,
        )
    raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")


def _get(
    url: str, scheme: str, host: str, port: int, address: str, ends: float, max_bytes: int
) -> tuple[int, dict[str, str], bytes]:
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    conn: http.client.HTTPConnection
    remaining = _remaining(url, ends)
    if scheme == "https":
        conn = _PinnedHTTPS(host, port, address, remaining)
    else:
        conn = _PinnedHTTP(host, port, address, remaining)
    try:
        conn.request(
            "GET",
            target,
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5",
                "Accept-Encoding": "identity",
            },
        )
        response = conn.getresponse()
        headers = {k.lower(): v for k, v in response.getheaders()}
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(
                url, f"the page is {int(declared):,} bytes, over the {max_bytes:,} limit"
            )
        chunks: list[bytes] = []
        size = 0
        while True:
            if conn.sock is not None:
                conn.sock.settimeout(_remaining(url, ends))
            chunk = response.read(65536)
            if not chunk:
                break
            size += len(chunk)
            if size > max_bytes:
                raise FetchError(url, f"the page is over the {max_bytes:,} byte limit")
            chunks.append(chunk)
            _remaining(url, ends)
        return response.status, headers, b"".join(chunks)
    except FetchError:
        raise
    except (OSError, http.client.HTTPException) as exc:
        if isinstance(exc, TimeoutError | socket.timeout):
            raise FetchError(url, "timed out") from exc
        raise FetchError(url, f"could not be fetched ({type(exc).__name__}: {exc})") from exc
    finally:
        conn.close()


def _remaining(url: str, ends: float) -> float:
    left = ends - time.monotonic()
    if left <= 0:
        raise FetchError(url, "timed out")
    return left


class _PinnedHTTP(http.client.HTTPConnection):
    """An HTTP connection to an address checked beforehand (the Host header keeps the name)."""

    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    """HTTPS to a checked address; the certificate is verified against the host name."""

    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        self._tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self._tls)
        self._address = address

    def connect(self) -> None:
        raw = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._tls.wrap_socket(raw, server_hostname=self.host)
