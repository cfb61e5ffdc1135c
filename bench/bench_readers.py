"""Time reading agreement files, next to the simplest read of the same file in the same run.

A 10 MB text file in several encodings against open().read(); a long web page against lxml's
text_content() (every word of the page, menus included); a long Word document against
python-docx's paragraph texts joined.

Usage: python bench/bench_readers.py [--megabytes N] [--repeat N]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import docx
import lxml.html

from tracker.readers import read_document

PARAGRAPH = (
    "3. The Parties shall withdraw all tanks, MLRS, artillery and mortars of the conflicting "
    "parties from the demilitarized zone (15–20 km deep) by October 10, 2018; Russian military "
    "police and Turkish Armed Forces will patrol it. Genève, Zürich, Київ, Донецьк.\n\n"
)


def best_of(repeat: int, action: Callable[[], object]) -> float:
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return min(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    size = int(args.megabytes * 1024 * 1024)
    text = PARAGRAPH * (size // len(PARAGRAPH.encode("utf-8")) + 1)
    variants = {
        "UTF-8, LF": (text, "utf-8"),
        "UTF-8, CRLF": (text.replace("\n", "\r\n"), "utf-8"),
        "UTF-16 with BOM, CRLF": (text.replace("\n", "\r\n"), "utf-16"),
        "cp1251 (detected), CRLF": (text.replace("\n", "\r\n").replace("Genève, Zürich, ", ""), "cp1251"),
    }
    print(f"{'file':28} {'MB':>6} {'open().read()':>14} {'read_document':>14} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as folder:
        for label, (content, encoding) in variants.items():
            path = Path(folder) / "agreement.txt"
            path.write_bytes(content.encode(encoding))
            megabytes = path.stat().st_size / 1024 / 1024
            read_document(path)  # warm up: imports and the page cache
            baseline = best_of(args.repeat, lambda p=path, e=encoding: p.open(encoding=e).read())
            ours = best_of(args.repeat, lambda p=path: read_document(p))
            print(f"{label:28} {megabytes:6.1f} {baseline * 1000:11.0f} ms {ours * 1000:11.0f} ms "
                  f"{ours / baseline:5.1f}x")

    print()
    print(f"{'file':28} {'MB':>6} {'baseline':>14} {'read_document':>14} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "report.html"
        page.write_text(_web_page(PARAGRAPH, 4000), encoding="utf-8")
        word = Path(folder) / "agreement.docx"
        _word_document(PARAGRAPH, 4000).save(str(word))
        for label, path, baseline_read in (
            ("web page, 4000 paragraphs", page, lambda: lxml.html.parse(str(page)).getroot().text_content()),
            ("Word, 4000 paragraphs", word, lambda: [p.text for p in docx.Document(str(word)).paragraphs]),
        ):
            megabytes = path.stat().st_size / 1024 / 1024
            read_document(path)
            baseline = best_of(args.repeat, baseline_read)
            ours = best_of(args.repeat, lambda p=path: read_document(p))
            print(f"{label:28} {megabytes:6.1f} {baseline * 1000:11.0f} ms {ours * 1000:11.0f} ms "
                  f"{ours / baseline:5.1f}x")


def _web_page(paragraph: str, count: int) -> str:
    menu = "".join(f"<li><a href='/section/{n}'>Section {n}</a></li>" for n in range(40))
    body = "".join(f"<p>{paragraph.strip()} ({n})</p>" for n in range(count))
    return (f"<html><head><title>Report</title></head><body><nav><ul>{menu}</ul></nav>"
            f"<article><h1>Report</h1>{body}</article><footer>All rights reserved.</footer></body></html>")


def _word_document(paragraph: str, count: int) -> docx.document.Document:
    document = docx.Document()
    document.add_heading("Agreement", level=1)
    for n in range(count):
        document.add_paragraph(f"{paragraph.strip()} ({n})", style="List Number" if n % 2 else None)
    return document


if __name__ == "__main__":
    main()
