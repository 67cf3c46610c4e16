"""The upload queue's private folder exists only while it is needed: none for an app that
takes no upload, and none left behind when the app shuts down or the queue is dropped."""

from __future__ import annotations

import gc
import tempfile
import time
from pathlib import Path

from tests.web.conftest import TestClient
from tests.web.records import corpus

from storyfuse.web import MemoryCatalog, create_app
from storyfuse.web.uploads import UploadQueue


def _folders() -> set[Path]:
    return set(Path(tempfile.gettempdir()).glob("storyfuse-uploads-*"))


def _queue() -> UploadQueue:
    return UploadQueue(store=lambda analyses: [], analyse=lambda items: ([], []))


def test_no_folder_until_the_first_upload_and_none_after_close() -> None:
    before = _folders()
    queue = _queue()
    assert not _folders() - before
    queue.submit([("a.txt", b"The bridge reopened on Thursday.")])
    made = _folders() - before
    assert len(made) == 1
    queue.close()
    assert not made & _folders()


def test_a_dropped_queue_takes_its_folder_with_it() -> None:
    before = _folders()
    queue = _queue()
    job = queue.submit([("a.txt", b"The bridge reopened on Thursday.")])
    deadline = time.monotonic() + 30
    while not job.done and time.monotonic() < deadline:
        time.sleep(0.01)
    made = _folders() - before
    assert len(made) == 1
    del queue
    # the worker thread lets go of the queue's bound method just after the job is marked done
    while made & _folders() and time.monotonic() < deadline:
        gc.collect()
        time.sleep(0.01)
    assert not made & _folders()


def test_an_app_shutting_down_removes_its_upload_folder() -> None:
    before = _folders()
    with TestClient(create_app(MemoryCatalog(corpus()))) as client:
        assert client.get("/").status_code == 200
        assert not _folders() - before  # browsing makes no folder
        app = client.app
        app.state.uploads.submit([("a.txt", b"The bridge reopened on Thursday.")])
        made = _folders() - before
        assert len(made) == 1
    assert not made & _folders()
