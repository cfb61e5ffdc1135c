"""What people install: the wheel and sdist, the desktop launcher and metainfo, the icon, the bundle.

The slow tests build the real artefacts (a wheel installed into a fresh virtual environment,
the PyInstaller one-folder bundle) and run the installed app from outside the source tree.
"""

from __future__ import annotations

import configparser
import json
import os
import shutil
import struct
import subprocess
import sys
import tarfile
import tomllib
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import tracker
from tracker.assets import resource

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
DESKTOP_FILE = PACKAGING / f"{tracker.APP_ID}.desktop"
METAINFO_FILE = PACKAGING / f"{tracker.APP_ID}.metainfo.xml"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SAMPLE_TEXT = ROOT / "seeds" / "sochi-2018-idlib-memorandum.txt"

# Left out when copying the tree to build from: caches, environments and earlier builds, whose
# stale files would otherwise end up in the artefacts and hide a missing package-data entry.
NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "venv", "build", "dist", "*.egg-info", "__pycache__", "*.pyc",
    ".mypy_cache", ".ruff_cache", ".pytest_cache", ".hypothesis",
)


def run(command: list[str], *, cwd: Path, timeout: float = 300, env: dict[str, str] | None = None,
        ) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)
    assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}"
    return done


def outside_env() -> dict[str, str]:
    """The environment of someone running the installed app: no source tree on the path, no Qt display."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "AGREEMENT_TRACKER_DB")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


class CaseSensitiveConfig(configparser.ConfigParser):
    """Desktop entry keys are case-sensitive; ConfigParser lowercases them by default."""

    def optionxform(self, optionstr: str) -> str:
        return optionstr


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk always comes first
    return width, height


def source_copy(destination: Path) -> Path:
    shutil.copytree(ROOT, destination, ignore=NOT_SOURCE)
    return destination


def shipped_data(tree: Path) -> Iterator[str]:
    """Every non-Python file the app reads at run time, as its path inside the installed package."""
    mapped = {"resources": "tracker/resources", "seeds": "tracker/seeds",
              "tracker/storage/migrations": "tracker/storage/migrations"}
    for folder, package_path in mapped.items():
        for path in (tree / folder).rglob("*"):
            if path.is_file() and path.suffix not in (".py", ".pyc"):
                yield f"{package_path}/{path.relative_to(tree / folder).as_posix()}"


def sample_provisions_listed(output: str) -> list[dict[str, object]]:
    """The provisions `list --json` printed, checked to come from the bundled sample agreement."""
    provisions = json.loads(output)
    assert provisions, "a new database should open on the sample agreement"
    sample = " ".join(SAMPLE_TEXT.read_text(encoding="utf-8").split())
    for provision in provisions:
        assert " ".join(str(provision["excerpt"]).split()) in sample
    return provisions


# --- desktop integration -----------------------------------------------------------------------


def test_desktop_launcher_validates() -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is missing (Debian package desktop-file-utils)")
    done = subprocess.run([validator, str(DESKTOP_FILE)], capture_output=True, text=True)
    report = done.stdout + done.stderr
    assert done.returncode == 0 and "error:" not in report and "warning:" not in report, report


def test_desktop_launcher_names_the_app_its_icon_and_command() -> None:
    entry = CaseSensitiveConfig(interpolation=None)
    entry.read(DESKTOP_FILE, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Name"] == tracker.APP_NAME
    assert section["Icon"] == tracker.APP_ID
    assert section["Exec"].split()[0] == "agreement-tracker"
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "agreement-tracker" in config["project"]["scripts"]


def test_metainfo_validates() -> None:
    validator = shutil.which("appstreamcli")
    if validator is None:
        pytest.skip("appstreamcli is missing (Debian package appstream)")
    done = subprocess.run([validator, "validate", "--no-net", str(METAINFO_FILE)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_metainfo_matches_the_package() -> None:
    component = ET.parse(METAINFO_FILE).getroot()
    assert component.findtext("id") == tracker.APP_ID
    assert component.findtext("name") == tracker.APP_NAME
    assert component.findtext("launchable") == DESKTOP_FILE.name
    newest = component.find("releases/release")
    assert newest is not None and newest.get("version") == tracker.__version__, (
        "add a <release> for the new version to the metainfo"
    )


def test_icon_ships_as_svg_and_every_png_size() -> None:
    svg = ET.fromstring(resource("icons", "agreement-tracker.svg").read_bytes())
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    assert svg.get("viewBox") == "0 0 128 128"
    for size in ICON_SIZES:
        png = resource("icons", f"agreement-tracker-{size}.png")
        assert png_size(png.read_bytes()) == (size, size), png.name


# --- one version --------------------------------------------------------------------------------


def test_version_comes_from_one_place() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in config["project"]
    assert "version" in config["project"]["dynamic"]
    assert config["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "tracker.__version__"}
    done = run([sys.executable, "-m", "tracker", "--version"], cwd=ROOT)
    assert done.stdout.strip() == f"agreement-tracker {tracker.__version__}"


# --- wheel and sdist ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built_distributions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(source tree copy, sdist, wheel), the wheel built from the sdist as `python -m build` does."""
    work = tmp_path_factory.mktemp("distributions")
    tree = source_copy(work / "src")
    run([sys.executable, "-m", "build", "--outdir", str(work / "dist"), str(tree)], cwd=work)
    (sdist,) = (work / "dist").glob("*.tar.gz")
    (wheel,) = (work / "dist").glob("*.whl")
    return tree, sdist, wheel


def test_wheel_carries_resources_seeds_and_migrations(built_distributions: tuple[Path, Path, Path]) -> None:
    tree, _, wheel = built_distributions
    assert wheel.name.startswith(f"agreement_tracker-{tracker.__version__}-")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    expected = set(shipped_data(tree))
    assert {f"tracker/resources/icons/agreement-tracker-{n}.png" for n in ICON_SIZES} <= expected
    assert "tracker/seeds/sochi-2018-idlib-memorandum.txt" in expected
    assert expected - names == set()
    migrations = tree / "tracker" / "storage" / "migrations"
    scripts = {f"tracker/{p.relative_to(tree / 'tracker').as_posix()}" for p in migrations.rglob("*.py")}
    assert scripts - names == set()
    assert [name for name in names if name.endswith(".pyc")] == []


def test_sdist_carries_resources_and_seeds(built_distributions: tuple[Path, Path, Path]) -> None:
    tree, sdist, _ = built_distributions
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    unmapped = {
        name.replace("tracker/resources/", "resources/", 1).replace("tracker/seeds/", "seeds/", 1)
        for name in shipped_data(tree)
    }
    assert unmapped - names == set()


def check_installed_app(executable: Path, workdir: Path) -> None:
    """What a user of an installed copy does first: version, the sample, an HTML file, the window."""
    env = outside_env()
    version = run([str(executable), "--version"], cwd=workdir, env=env, timeout=60)
    assert version.stdout.strip() == f"agreement-tracker {tracker.__version__}"

    database = workdir / "fresh.sqlite"
    listing = run([str(executable), "list", "--db", str(database), "--json"], cwd=workdir, env=env)
    sample_provisions_listed(listing.stdout)
    table = run([str(executable), "list", "--db", str(database)], cwd=workdir, env=env)
    assert "summary" in table.stdout

    # The HTML reader needs third-party packages and data files that are easy to leave out.
    page = workdir / "accord.html"
    page.write_text("<html><head><title>Accord</title></head><body><h1>Accord</h1>"
                    "<p>Article 1. The parties shall withdraw all tanks from the zone by 1 May 2019.</p>"
                    "<p>Article 2. Prisoners shall be exchanged within thirty days.</p></body></html>",
                    encoding="utf-8")
    extracted = run([str(executable), "extract", str(page), "--json"], cwd=workdir, env=env)
    assert "2019-05-01" in extracted.stdout

    screenshot = workdir / "window.png"
    run([str(executable), "gui", "--db", str(database), "--screenshot", str(screenshot)],
        cwd=workdir, env=env)
    width, height = png_size(screenshot.read_bytes())
    assert width >= 400 and height >= 300


@pytest.mark.slow
def test_wheel_installed_in_a_fresh_environment_runs_from_there(
    built_distributions: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    _, _, wheel = built_distributions
    run([sys.executable, "-m", "venv", str(tmp_path / "venv")], cwd=tmp_path)
    bin_dir = tmp_path / "venv" / ("Scripts" if sys.platform == "win32" else "bin")
    run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(wheel)], cwd=tmp_path, timeout=900)

    where = run([str(bin_dir / "python"), "-c", "import tracker; print(tracker.__file__)"],
                cwd=tmp_path, env=outside_env())
    assert Path(where.stdout.strip()).is_relative_to(tmp_path / "venv"), "imported the source tree"
    check_installed_app(bin_dir / "agreement-tracker", tmp_path)


# --- the standalone bundle ----------------------------------------------------------------------


@pytest.mark.slow
def test_pyinstaller_bundle_runs_from_its_folder(tmp_path: Path) -> None:
    pytest.importorskip("PyInstaller", reason="PyInstaller is in the test and package extras")
    env = {**os.environ, "PYTHON": sys.executable,
           "DIST_DIR": str(tmp_path / "dist"), "WORK_DIR": str(tmp_path / "work")}
    run(["bash", str(PACKAGING / "build.sh")], cwd=tmp_path, env=env, timeout=600)
    binary = tmp_path / "dist" / "agreement-tracker" / "agreement-tracker"
    assert binary.is_file()
    check_installed_app(binary, tmp_path)
