"""A 100 MB single line, generated on the fly: refused or handled in bounded time and memory.

Each case runs in a child process so its peak memory can be measured on its own (the test
process has models loaded). The child reads the file and runs the per-article stages over it;
the file must come back as one Problem that says it is too large, quickly.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.robustness.fuzzkit import fuzzed

REPO = Path(__file__).resolve().parents[2]
LINE_BYTES = 100_000_000
SECONDS = 60.0  # generous for a loaded two-core machine; a normal run takes a few seconds
# the child needs ~450 MB for its imports; a few copies of the 100 MB line would go over this
PEAK_MB = 1_000

# The child's own peak: VmHWM counts from its exec, while ru_maxrss keeps the peak of the
# process it was forked from (here the test process, models and all).
CHILD = r"""
import json, resource, sys, time
from storyfuse import ingest, pipeline

def peak_mb():
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

started = time.monotonic()
analyses, problems = pipeline.analyze_documents(ingest.read([sys.argv[1]]))
print(json.dumps({
    "analysed": len(analyses),
    "problems": [[p.path, p.error] for p in problems],
    "seconds": time.monotonic() - started,
    "peak_mb": peak_mb(),
}))
"""


def _write_line(path: Path, prefix: bytes, suffix: bytes) -> None:
    sentence = b"The bridge reopened on Thursday after repairs, the council said. "
    block = sentence * (1_000_000 // len(sentence))
    with open(path, "wb") as fh:
        fh.write(prefix)
        written = 0
        while written < LINE_BYTES:
            fh.write(block)
            written += len(block)
        fh.write(suffix)


CASES = {
    "line.txt": (b"", b""),
    "line.jsonl": (b'{"id": "huge", "text": "', b'"}\n'),
    "line.html": (b"<html><body><p>", b"</p></body></html>"),
}


def test_100_mb_single_line(tmp_path: Path) -> None:
    """One child reads a folder of three 100 MB single-line files (text, JSONL, HTML)."""
    for name, (prefix, suffix) in CASES.items():
        _write_line(tmp_path / name, prefix, suffix)
        fuzzed("read+analyze: 100 MB single line")
    started = time.monotonic()
    env = dict(os.environ, HF_HUB_OFFLINE="1", PYTHONPATH=str(REPO / "src"))
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=SECONDS * 2,
        env=env,
        check=False,
    )
    took = time.monotonic() - started
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["analysed"] == 0
    problems = dict(result["problems"])
    assert sorted(Path(p).name.split(":")[0] for p in problems) == sorted(CASES)
    for where, error in problems.items():
        assert "limit" in error or "too large" in error, (where, error)
    assert result["seconds"] < SECONDS, result
    assert took < SECONDS * 2
    assert result["peak_mb"] < PEAK_MB, result
