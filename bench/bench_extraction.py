"""Extraction speed and memory on large agreement-like texts, next to dateparser's search_dates.

Builds synthetic texts of 1, 2, 5 and 10 MB by concatenating varied agreement-like
paragraphs (numbered legal points, news-report sentences, recitals, background), then for
each size runs `extract` in a fresh interpreter and measures the whole process: start-up,
imports, reading the file and extraction, with its CPU time and peak resident memory (the
machine's two cores are shared, so wall time depends on what else runs). A second fresh
process runs the command an analyst types, `agreement-tracker extract FILE --json`: no
signing date given (so it is inferred from the text), and the JSON written to a file. The
baseline is `dateparser.search.search_dates` (default settings, as a caller would use it)
on the same 1 MB text, timed in this run.

Usage: python bench/bench_extraction.py [--sizes 1,2,5,10] [--baseline-mb 1]
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

MB = 1_000_000

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEAPONS = [
    "heavy weapons",
    "tanks",
    "armoured personnel carriers",
    "Grad and Uragan systems",
    "mortars",
    "artillery systems of calibre over 100 mm",
    "anti-tank missiles",
    "drones",
    "landmines",
    "multiple launch rocket systems",
    "howitzers",
    "man-portable air defence systems",
]
FORCES = [
    "Russian military police",
    "Turkish Armed Forces",
    "OSCE monitors",
    "United Nations observers",
    "African Union peacekeepers",
    "joint Russian-Turkish patrols",
    "Lebanese troops",
]
PLACES = [
    "the contact line",
    "the northern border",
    "the M4 highway",
    "the river",
    "the city centre",
    "the demarcation line",
    "the coastal road",
]
REPORTERS = ["TASS", "Reuters", "Xinhua", "AP", "AFP"]
CITIES = ["SOCHI", "GENEVA", "MOSCOW", "DOHA", "ISTANBUL", "AMMAN", "CAIRO"]

TEMPLATES = [
    "{n}. The parties shall withdraw all {weapon} at least {km} kilometres from {place} by {day} {month}.",
    "{n}. A demilitarized zone {low}-{high} km ({mlow}-{mhigh} miles) wide shall be established along "
    "{place} within {days} days of the signing of this Agreement.",
    "{n}. {force} will patrol the zone; the sides shall refrain from the use of {weapon}.",
    "{n}. The ceasefire shall take effect from 00:01 on {day} {month} {year} and shall be observed by both "
    "sides.",
    "{n}. All prisoners and detainees shall be exchanged no later than the {ordinal} day after the start of "
    "the ceasefire.",
    "{n}. Transit traffic along {place} shall resume by the end of {year}.",
    "Recalling the Protocol of {day} {month} {prior},",
    "{city}, {month} {day} ({reporter}) - The warring parties agreed on Tuesday to a ceasefire that will "
    "begin on Saturday, officials said.",
    "Under the deal, {force} will monitor the withdrawal of {weapon} over a period of {days} days, "
    "according to a draft seen by reporters.",
    '"We hope this is the beginning of the end of the war," the envoy told reporters in {city}.',
    "Fighting erupted in {prior} and has killed thousands of people; a similar truce collapsed within days.",
    "The memorandum was concluded for {words} months with chances of automatic prolongation.",
    "Starting 12:00 noon of {month} {day}, {year}, {force} will enter the area, to facilitate the removal of "
    "armed groups to the depth of {km} km, which should be finalized in 150 hours.",
    "{n}. The Parties shall guarantee the safety of movement of citizens, vehicles and goods in both "
    "directions along {place}, and shall refrain from any action that could endanger the civilian "
    "population, including "
    "the placement of military facilities in or near residential areas, schools, hospitals and places of "
    "worship, in accordance with their obligations under international humanitarian law.",
    "{n}. The modalities for the full restoration of social and economic links, including social transfers "
    "such as pension payments and other payments, the resumption of banking services and the return of "
    "displaced persons to their homes, shall be determined by a working group of the Trilateral Contact "
    "Group, which shall meet regularly and report on its progress to the Parties.",
    "Diplomats involved in the talks said the negotiations had been difficult and had lasted through the "
    "night, with both delegations repeatedly consulting their capitals before agreeing on the final "
    "wording of the "
    "document, which several officials described as fragile but the best that could be achieved for now.",
    "The conflict, which began as a dispute over local elections, has displaced more than a million people "
    "and destroyed much of the infrastructure in the eastern provinces, according to aid agencies, who have "
    "repeatedly called on all sides to allow humanitarian convoys to reach besieged towns and villages.",
    "Analysts cautioned that previous agreements had collapsed within weeks amid mutual accusations of "
    "violations, and that much would depend on the willingness of local commanders on both sides to restrain "
    "their units and on the ability of international observers to verify compliance on the ground.",
    "{n}. Effective monitoring and verification of the ceasefire regime and of the withdrawal of {weapon} "
    "shall be ensured by {force} from the first day of the withdrawal, using all necessary technical means, "
    "including satellites, radar systems and other equipment, and the Parties shall provide them with full "
    "and unimpeded access to all areas concerned.",
]
WORDS = ["two", "three", "six", "nine", "twelve"]
ORDINALS = ["second", "fifth", "seventh", "tenth"]


def paragraph(rng: random.Random, number: int) -> str:
    low = rng.randint(2, 30)
    template = rng.choice(TEMPLATES)
    return template.format(
        n=number,
        weapon=rng.choice(WEAPONS),
        force=rng.choice(FORCES),
        place=rng.choice(PLACES),
        km=rng.randint(1, 140),
        low=low,
        high=low + rng.randint(1, 10),
        mlow=round(low / 1.609, 1),
        mhigh=round((low + 5) / 1.609, 1),
        day=rng.randint(1, 28),
        month=rng.choice(MONTHS),
        year=rng.randint(2000, 2030),
        prior=rng.randint(1990, 2010),
        days=rng.choice([7, 10, 14, 21, 30, 60, 90, 120]),
        ordinal=rng.choice(ORDINALS),
        words=rng.choice(WORDS),
        city=rng.choice(CITIES),
        reporter=rng.choice(REPORTERS),
    )


def agreement_text(size: int, seed: int = 2018) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    length = 0
    number = 1
    while length < size:
        block = paragraph(rng, number)
        parts.append(block)
        length += len(block) + 2
        number = number + 1 if number < 20 else 1
    return "\n\n".join(parts)[:size]


CHILD = """
import json, resource, sys, time
from datetime import date
started = time.perf_counter()
from tracker.extraction import extract
text = open(sys.argv[1], encoding="utf-8").read()
extraction = extract(text, date(2018, 9, 17))
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"provisions": len(extraction.provisions),
                  "in_process_s": time.perf_counter() - started,
                  "cpu_s": usage.ru_utime + usage.ru_stime,
                  "peak_rss_mb": usage.ru_maxrss / 1024}))
"""


def run_extraction(path: Path) -> tuple[float, dict[str, float]]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True
    )
    return time.perf_counter() - started, json.loads(done.stdout)


def run_command(path: Path, output: Path) -> tuple[float, float]:
    """Wall and CPU seconds of `agreement-tracker extract FILE --json` writing to a file."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with output.open("w", encoding="utf-8") as sink:
        subprocess.run(
            [sys.executable, "-m", "tracker", "extract", str(path), "--json"], stdout=sink, check=True
        )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def baseline_seconds(text: str) -> float:
    from dateparser.search import search_dates

    started = time.perf_counter()
    search_dates(text)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1,2,5,10", help="text sizes in MB, comma-separated")
    parser.add_argument("--baseline-mb", type=float, default=1.0, help="size of the baseline text in MB")
    args = parser.parse_args()
    sizes = [float(size) for size in args.sizes.split(",")]

    print(
        f"{'size':>7} {'provisions':>10} {'whole process':>14} {'MB/s':>6} {'s per MB':>9} "
        f"{'CPU':>8} {'MB/CPU-s':>8} {'peak RSS':>9} | {'extract --json':>14} {'MB/s':>6} {'CPU':>8}"
    )
    rates = {}
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            text = agreement_text(int(size * MB))
            path = Path(folder) / f"agreement-{size:g}mb.txt"
            path.write_text(text, encoding="utf-8")
            wall, child = run_extraction(path)
            command_wall, command_cpu = run_command(path, Path(folder) / "extraction.json")
            megabytes = len(text.encode("utf-8")) / MB
            rates[size] = megabytes / wall
            print(
                f"{size:>5g}MB {child['provisions']:>10} {wall:>12.2f} s {megabytes / wall:>6.2f} "
                f"{wall / megabytes:>9.3f} {child['cpu_s']:>6.2f} s {megabytes / child['cpu_s']:>8.2f} "
                f"{child['peak_rss_mb']:>6.0f} MB | {command_wall:>12.2f} s {megabytes / command_wall:>6.2f} "
                f"{command_cpu:>6.2f} s"
            )
    baseline_text = agreement_text(int(args.baseline_mb * MB))
    baseline = baseline_seconds(baseline_text)
    baseline_rate = len(baseline_text.encode("utf-8")) / MB / baseline
    reference = rates.get(args.baseline_mb, next(iter(rates.values())))
    print(
        f"baseline: dateparser.search.search_dates on the same {args.baseline_mb:g} MB text: "
        f"{baseline:.2f} s ({baseline_rate:.3f} MB/s)"
    )
    print(f"extraction (whole process) is {reference / baseline_rate:.0f}x faster than the baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
