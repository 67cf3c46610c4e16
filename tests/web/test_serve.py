"""`storyfuse serve` as a user runs it: one command, a local URL."""

import os
import socket
import subprocess
import sys
import time

import httpx
from tests.web.records import corpus

from storyfuse.render.jsonout import to_json
from storyfuse.web.server import resolve_token


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_a_brief_json_on_loopback(tmp_path):
    brief = tmp_path / "brief.json"
    brief.write_text(to_json(corpus()), encoding="utf-8")
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "storyfuse", "serve", str(brief), "--port", str(port)],
        stderr=subprocess.PIPE, text=True, env={**os.environ, "STORYFUSE_TOKEN": ""},
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/api/stories", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read()
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert [s["id"] for s in response.json()["stories"]] == ["s-orchard", "s-bridge"]
        page = httpx.get(f"http://127.0.0.1:{port}/stories/s-bridge", timeout=5)
        assert page.status_code == 200 and "Harbour Bridge reopens" in page.text
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}/" in err


def test_a_token_is_generated_only_off_loopback(monkeypatch):
    monkeypatch.delenv("STORYFUSE_TOKEN", raising=False)
    assert resolve_token("127.0.0.1", None) == (None, False)
    assert resolve_token("127.0.0.1", "given") == ("given", False)
    token, generated = resolve_token("0.0.0.0", None)
    assert generated and len(token) >= 24
    assert resolve_token("0.0.0.0", "given") == ("given", False)
