"""Peak memory of reading one large multi-article file, per format, each read in a child process.

    python -m bench.ingest_memory [--articles 150000] [--warc-records 300] [--warc-other-mb 150]

A generated JSONL file (about 2.5 kB per article) and a generated WARC (HTML pages among other
responses: images, scripts) are read with ``ingest.read`` the way ``storyfuse ingest`` consumes it: record by record, each
Document dropped once counted. Each read runs in a fresh process, so the peak resident memory
it reports is its own; "above base" subtracts that process's memory after its imports, before
the read. A reader that streams peaks at about one record; one that decodes the file whole
needs a few times the file's size.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import print_table, write_results

WORDS = [
    "the", "council", "said", "on", "monday", "that", "the", "harbour", "bridge", "would",
    "reopen", "after", "months", "of", "repairs", "officials", "estimated", "the", "cost", "at",
    "about", "twelve", "million", "euros", "while", "residents", "welcomed", "news", "storm",
    "power", "homes", "coast", "grid", "operator", "crews", "restored", "electricity",
    "schools", "closed", "rescue",
]


def _paragraph(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def write_jsonl(path: Path, articles: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(articles):
            record = {
                "id": f"a{i:07d}",
                "title": _paragraph(rng, 8),
                "outlet": f"Outlet {i % 40}",
                "published": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "text": "\n\n".join(_paragraph(rng, 70) for _ in range(5)),
            }
            fh.write(json.dumps(record) + "\n")


def write_warc(path: Path, records: int, other_mb: int, seed: int = 11) -> None:
    """A crawl: ``records`` HTML pages among ``other_mb`` MB of other responses (images,
    scripts) of 100 kB each, which the reader skips but must still read past."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    rng = random.Random(seed)
    others = other_mb * 10
    blob = rng.randbytes(100_000)
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=False)
        for i in range(max(records, others)):
            if i < others:
                image = StatusAndHeaders(
                    "200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1"
                )
                writer.write_record(
                    writer.create_warc_record(
                        f"https://news.example/img/{i}.jpg",
                        "response",
                        payload=BytesIO(blob),
                        http_headers=image,
                    )
                )
            if i >= records:
                continue
            paragraphs = "".join(f"<p>{_paragraph(rng, 60)}</p>" for _ in range(6))
            html = (
                f"<html><head><title>Story {i}</title></head><body><article>"
                f"<h1>{_paragraph(rng, 8)}</h1>{paragraphs}</article></body></html>"
            ).encode()
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                f"https://news.example/{i}.html",
                "response",
                payload=BytesIO(html),
                http_headers=headers,
            )
            writer.write_record(record)


def _rss_mb() -> float:
    """Current resident memory of this process (Linux /proc), in MB."""
    with open("/proc/self/statm", encoding="ascii") as fh:
        pages = int(fh.read().split()[1])
    return pages * resource.getpagesize() / 1e6


def child(path: str) -> None:
    """Read one file record by record and print the figures as JSON (runs in its own process)."""
    from storyfuse import ingest
    from storyfuse.model import Document

    base = _rss_mb()
    started = time.perf_counter()
    documents = problems = 0
    first_record = None
    highest = base
    for n, item in enumerate(ingest.read([path])):
        if first_record is None:
            first_record = time.perf_counter() - started
        if n % 50 == 0:
            highest = max(highest, _rss_mb())
        if isinstance(item, Document):
            documents += 1
        else:
            problems += 1
    seconds = time.perf_counter() - started
    highest = max(highest, _rss_mb())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6  # KiB -> MB
    print(
        json.dumps(
            {
                "documents": documents,
                "problems": problems,
                "seconds": seconds,
                "first_record_seconds": first_record,
                "base_mb": base,
                "peak_mb": peak,
                # The larger of the process's peak and the memory sampled while reading, over
                # the memory before the read (the peak also counts the imports' passing peak).
                "peak_above_base_mb": max(peak, highest) - base,
            }
        )
    )


def measure(path: Path) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "bench.ingest_memory", "--child", str(path)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=150_000, help="JSONL articles")
    parser.add_argument("--warc-records", type=int, default=300, help="WARC HTML records")
    parser.add_argument(
        "--warc-other-mb", type=int, default=150, help="MB of non-HTML records in the WARC"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        if args.articles:
            jsonl = Path(tmp, "archive.jsonl")
            write_jsonl(jsonl, args.articles)
            files.append(("jsonl", jsonl))
        if args.warc_records:
            warc = Path(tmp, "archive.warc")
            write_warc(warc, args.warc_records, args.warc_other_mb)
            files.append(("warc", warc))
        for kind, path in files:
            result = measure(path)
            size = path.stat().st_size / 1e6
            rows.append(
                {
                    "format": kind,
                    "file_mb": size,
                    **result,
                    "peak_over_file": result["peak_above_base_mb"] / size,
                }
            )
    print_table(
        "Peak memory of reading one large file (each in its own process)",
        rows,
        [
            "format",
            "documents",
            "file_mb",
            "seconds",
            "first_record_seconds",
            "base_mb",
            "peak_mb",
            "peak_above_base_mb",
            "peak_over_file",
        ],
    )
    write_results("ingest_memory", {"articles": args.articles, "rows": rows})


if __name__ == "__main__":
    main()
