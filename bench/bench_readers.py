"""Time reading a 10 MB agreement text file, next to a plain open().read() of the same file.

Usage: python bench/bench_readers.py [--megabytes N] [--repeat N]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

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


if __name__ == "__main__":
    main()
