"""Size on disk and start-up time of the PyInstaller bundle, next to the source tree.

    python bench/bench_bundle.py                     # builds the bundle into a temporary folder
    python bench/bench_bundle.py --bundle dist/agreement-tracker --runs 7

Each command is started --runs times in a row; the first run is reported apart from the
median, since it is the one that pays for reading the files from disk when they are not in
the page cache. Baseline: the same command run as `python -m tracker` from the source tree.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Timing:
    first: float
    median: float
    runs: int


def time_command(command: Sequence[str], runs: int, *, prepare: Callable[[], None] | None = None) -> Timing:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("AGREEMENT_TRACKER_DB", None)
    seconds = []
    for _ in range(runs):
        if prepare is not None:
            prepare()
        started = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        seconds.append(time.perf_counter() - started)
        if done.returncode != 0:
            sys.exit(f"bench_bundle: {' '.join(command)} failed: {done.stderr.strip().splitlines()[-1:]}")
    return Timing(seconds[0], statistics.median(seconds), runs)


def build_bundle(into: Path) -> Path:
    env = {
        **os.environ,
        "PYTHON": sys.executable,
        "DIST_DIR": str(into / "dist"),
        "WORK_DIR": str(into / "work"),
    }
    started = time.perf_counter()
    subprocess.run(["bash", str(ROOT / "packaging" / "build.sh")], env=env, check=True, capture_output=True)
    print(f"built the bundle in {time.perf_counter() - started:.0f} s")
    return into / "dist" / "agreement-tracker"


def disk_usage(folder: Path) -> str:
    human = subprocess.run(["du", "-sh", str(folder)], capture_output=True, text=True, check=True)
    files = sum(1 for path in folder.rglob("*") if path.is_file())
    return f"{human.stdout.split()[0]} ({files} files)"


def largest_parts(folder: Path, count: int = 6) -> str:
    sizes = subprocess.run(
        ["du", "-sk", *map(str, sorted((folder / "_internal").iterdir()))],
        capture_output=True,
        text=True,
        check=True,
    )
    parts = sorted(
        (int(kb), Path(path).name) for kb, path in (line.split("\t", 1) for line in sizes.stdout.splitlines())
    )
    return ", ".join(f"{name} {kb / 1024:.0f}M" for kb, name in reversed(parts[-count:]))


def download_size(folder: Path, scratch: Path) -> str:
    archive = scratch / "agreement-tracker.tar.gz"
    subprocess.run(["tar", "-czf", str(archive), "-C", str(folder.parent), folder.name], check=True)
    return f"{archive.stat().st_size / 2**20:.0f} MB"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, help="an already built dist/agreement-tracker folder")
    parser.add_argument("--runs", type=int, default=5, help="starts per command (default 5)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-bundle-") as scratch:
        work = Path(scratch)
        bundle = args.bundle.resolve() if args.bundle else build_bundle(work)
        binary = bundle / "agreement-tracker"
        if not binary.is_file():
            sys.exit(f"bench_bundle: no agreement-tracker executable in {bundle}")
        source = [sys.executable, "-m", "tracker"]

        fresh_db = work / "fresh.sqlite"

        def remove_fresh_db() -> None:
            fresh_db.unlink(missing_ok=True)

        kept_db = work / "kept.sqlite"
        # Created up front so that the "existing database" runs never pay for creating it.
        subprocess.run([*source, "list", "--db", str(kept_db)], cwd=ROOT, check=True, capture_output=True)
        shot = str(work / "window.png")
        cases: list[tuple[str, list[str], Callable[[], None] | None]] = [
            ("--version", ["--version"], None),
            (
                "list on a new database (creates it, imports the sample)",
                ["list", "--db", str(fresh_db)],
                remove_fresh_db,
            ),
            ("list on an existing database", ["list", "--db", str(kept_db)], None),
        ]
        if find_spec("tracker.gui.app") is not None:
            cases.append(
                (
                    "gui --screenshot (opens the window, saves it, quits)",
                    ["gui", "--db", str(kept_db), "--screenshot", shot],
                    None,
                )
            )

        print(f"bundle: {bundle}")
        print(f"size on disk (du -sh): {disk_usage(bundle)}; as .tar.gz: {download_size(bundle, work)}")
        print(f"largest parts: {largest_parts(bundle)}")
        print(f"runs per command: {args.runs}; seconds, first run / median")
        print(f"{'command':<58} {'source tree (baseline)':>24} {'bundle':>16}")
        # The bundle goes first so that its first run is the first time its files are read
        # after the build (or since --bundle was last used).
        for label, arguments, prepare in cases:
            frozen = time_command([str(binary), *arguments], args.runs, prepare=prepare)
            baseline = time_command([*source, *arguments], args.runs, prepare=prepare)
            print(
                f"{label:<58} {baseline.first:>11.2f} / {baseline.median:<10.2f}"
                f" {frozen.first:>7.2f} / {frozen.median:<7.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
