"""Headers, write protection and upload limits: article text is hostile input.

- Every response carries a strict Content-Security-Policy: scripts and styles only from this
  server's /static, no inline script, no eval, nothing loaded from elsewhere.
- Writing endpoints (upload, delete) need the server's token when it has one (always when it is
  bound to a non-loopback address), and refuse cross-site requests in any case, so that a web page
  open in the same browser cannot post to a server on localhost.
- Request bodies above the upload limit are refused with a 413 that says what the limit is,
  before they are read in full. (Starlette's own limiter answers a bare "Content Too Large".)
"""

from __future__ import annotations

import ipaddress
import json
import secrets
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

_CSP_DIRECTIVES = (
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",  # vega-embed may draw small data: images; nothing remote
    "connect-src 'self'",
    "font-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
)
CSP = "; ".join(_CSP_DIRECTIVES)

SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]

TOKEN_HEADER = "x-storyfuse-token"


def is_loopback(host: str) -> bool:
    """Whether binding to ``host`` keeps the server reachable from this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def new_token() -> str:
    return secrets.token_urlsafe(24)


class SecurityHeaders:
    """Adds the security headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + [
                    (k, v) for k, v in SECURITY_HEADERS if k not in names
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class _TooLarge(Exception):
    pass


class BodyLimit:
    """Refuses request bodies larger than ``limit`` bytes with a 413 and a readable message."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.limit:
            await self._refuse(scope, send)
            return
        seen = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except _TooLarge:
            if started:
                raise
            await self._refuse(scope, send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        detail = (
            f"upload too large: the limit is {self.limit / 1_000_000:g} MB per request "
            "(start the server with --max-upload-mb to change it)"
        )
        if scope["path"].startswith("/api/"):
            body = json.dumps({"detail": detail}).encode()
            ctype = b"application/json"
        else:
            body = (
                "<!doctype html><meta charset=utf-8><title>Upload too large</title>"
                f"<link rel=stylesheet href=/static/app.css><main><h1>Upload too large</h1>"
                f"<p class=error>{detail}</p><p><a href=/upload>Back to upload</a></p></main>"
            ).encode()
            ctype = b"text/html; charset=utf-8"
        headers = [
            (b"content-type", ctype),
            (b"content-length", str(len(body)).encode()),
            (b"connection", b"close"),  # the rest of the body is not read
        ]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def same_origin(request: Request) -> bool:
    """False for a request a browser sent on behalf of another site."""
    if request.headers.get("sec-fetch-site") == "cross-site":
        return False
    origin = request.headers.get("origin")
    if origin and origin != "null":
        return urlsplit(origin).netloc == request.headers.get("host", "")
    return origin != "null"


def token_ok(request: Request, token: str | None, form_token: str | None = None) -> bool:
    """Whether the request carries the server's token (header, bearer or form field)."""
    if token is None:
        return True
    given = request.headers.get(TOKEN_HEADER) or form_token or ""
    auth = request.headers.get("authorization", "")
    if not given and auth.lower().startswith("bearer "):
        given = auth[7:].strip()
    return secrets.compare_digest(given.encode(), token.encode())
