"""`storyfuse serve` as a user runs it: one command, a local URL."""

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager

import httpx
from tests.web.records import corpus

from storyfuse.render.jsonout import to_json
from storyfuse.web.server import resolve_token


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def _serving(*args: str):
    """`storyfuse serve ARGS` on a free loopback port; yields (base URL, what it printed once it
    stopped: a dict filled on exit)."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "storyfuse", "serve", *args, "--port", str(port)],
        stderr=subprocess.PIPE, text=True, env={**os.environ, "STORYFUSE_TOKEN": ""},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/api/outlets", timeout=2)
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stderr.read()
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        printed: dict[str, str] = {}
        yield base, printed
    finally:
        proc.terminate()
        printed["stderr"] = proc.communicate(timeout=20)[1]


def test_serve_a_brief_json_on_loopback(tmp_path):
    brief = tmp_path / "brief.json"
    brief.write_text(to_json(corpus()), encoding="utf-8")
    with _serving(str(brief)) as (base, printed):
        response = httpx.get(base + "/api/stories", timeout=5)
        assert [s["id"] for s in response.json()["stories"]] == ["s-orchard", "s-bridge"]
        page = httpx.get(base + "/stories/s-bridge", timeout=5)
        assert page.status_code == 200 and "Harbour Bridge reopens" in page.text
    assert f"serving {brief} at {base}/" in printed["stderr"]


def test_serve_a_database_file(tmp_path):
    from storyfuse.store import Store

    path = tmp_path / "stories.db"
    with Store.open(str(path)) as store:
        store.add_analyses(corpus().articles)
    with _serving("--db", str(path)) as (base, _):
        stories = httpx.get(base + "/api/stories", timeout=10).json()["stories"]
        assert sorted(s["articles"] for s in stories) == [1, 3]
        article = httpx.get(base + "/articles/bridge-a", timeout=10)
        assert article.status_code == 200 and "Harbour Bridge reopens Monday" in article.text


def test_a_token_is_generated_only_off_loopback(monkeypatch):
    monkeypatch.delenv("STORYFUSE_TOKEN", raising=False)
    assert resolve_token("127.0.0.1", None) == (None, False)
    assert resolve_token("127.0.0.1", "given") == ("given", False)
    token, generated = resolve_token("0.0.0.0", None)
    assert generated and len(token) >= 24
    assert resolve_token("0.0.0.0", "given") == ("given", False)
