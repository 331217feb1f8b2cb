"""Every benchmark of the project in one Markdown table, with the machine and its load.

    bench/run [--quick] [--only NAME ...] [--json FILE] [--timeout SECONDS] [--list]

Runs each bench script in bench/ as its own process with this interpreter (``bench/run``
picks the project's .venv), one after the other, and reads its figures: the ``RESULT {json}``
last line the benches print, or for pillow_card.py and face_bench.py their printed lines.
Prints a header (CPU, cores, RAM, OS, Python, Pillow, PySide6, OpenCV, commit, date, load
average before and after) and one table: bench, figure, measured, target, met, and the
1-minute load average when that bench started. A bench that fails or times out gives one row
saying so. ``--quick`` runs fewer repetitions (same workloads, so the same targets) and skips
the bulk run with photos; ``--json FILE`` writes the machine, the rows and each bench's
command, status and output. Progress goes to stderr, the table to stdout. Exit status 1 when a
bench failed or timed out (a target not met is a row, not an error).

Targets are issue #16's where it names one (one card per process <= 1.0x the Pillow script,
batch <= 0.30x; launch <= 0.8 s; keystroke to preview <= 20 ms; faces <= 60 ms a photo;
picking 40 photos <= 4 s; bulk 100 rows x 3 formats <= 12 s and <= 400 MB), otherwise the
bench's own docstring.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

Value = float | int | str


@dataclass(frozen=True)
class Figure:
    """One row of the table: ``key`` in the bench's result, how to show it, its target."""

    key: str
    label: str
    unit: str = ""
    digits: int = 0
    target: float | None = None  # met when value <= target (every target here is a ceiling)


@dataclass(frozen=True)
class Bench:
    name: str
    script: str
    args: tuple[str, ...] = ()
    quick_args: tuple[str, ...] = ()
    figures: tuple[Figure, ...] = ()
    parse: Callable[[str], dict[str, Value]] | None = None  # None: the RESULT line
    full_only: bool = False  # skipped by --quick unless named with --only


@dataclass
class Row:
    bench: str
    figure: str
    measured: str
    target: str
    met: str
    load: str
    value: Value | None = None
    unit: str = ""


@dataclass
class Outcome:
    """What running one bench gave."""

    status: str  # ok, failed, timed out, interrupted, not run
    seconds: float = 0.0
    values: dict[str, Value] = field(default_factory=dict)
    message: str = ""
    output: str = ""
    load: tuple[float, ...] | None = None
    command: list[str] = field(default_factory=list)


# --- parsing --------------------------------------------------------------------------------

def parse_result_line(output: str) -> dict[str, Value]:
    """The figures of the last ``RESULT {json}`` line; {} when there is none."""
    for line in reversed(output.splitlines()):
        if line.startswith("RESULT "):
            data = json.loads(line[len("RESULT "):])
            if not isinstance(data, dict):
                raise ValueError("RESULT line is not a JSON object")
            return {k: v for k, v in data.items()
                    if isinstance(v, (int, float, str)) and not isinstance(v, bool)}
    return {}


def _search(patterns: dict[str, str], output: str) -> dict[str, Value]:
    """Each pattern's named groups, as numbers where they read as numbers."""
    values: dict[str, Value] = {}
    for pattern in patterns.values():
        match = re.search(pattern, output, re.MULTILINE)
        if match:
            for key, text in match.groupdict().items():
                if text is not None:
                    try:
                        values[key] = float(text)
                    except ValueError:
                        values[key] = text
    return values


NUM = r"[0-9]+(?:\.[0-9]+)?"

PILLOW_PATTERNS = {  # bench/pillow_card.py prints prose only (it is being tuned: no edits)
    "one": (rf"one card per process: kontenopd render (?P<one_ours_ms>{NUM}) ms, "
            rf"script (?P<one_script_ms>{NUM}) ms -> (?P<one_ratio>{NUM})x"),
    "batch": (rf"batch, (?P<batch_drafts>\d+) drafts x \d+ formats: kontenopd export "
              rf"(?P<batch_ours_ms>{NUM}) ms per image.*?, script "
              rf"(?P<batch_script_ms>{NUM}) ms per card.*?-> "
              rf"(?P<batch_ratio>{NUM})x"),
}

FACE_PATTERNS = {  # bench/face_bench.py likewise
    "total": (rf"per photo, median:\s*(?P<per_photo_ms>{NUM}) ms "
              rf"\(max (?P<per_photo_max_ms>{NUM})\)"),
    "proxy": rf"proxy \(decode[^:]*\):\s*(?P<proxy_ms>{NUM}) ms",
    "cascades": rf"cascades:\s*(?P<cascades_ms>{NUM}) ms",
    "import": rf"import cv2 (?P<import_cv2_ms>{NUM}) ms",
    "found": r"faces found: (?P<faces_found>\d+ of \d+)",
    "disk": (rf"opencv-python-headless (?P<opencv_mib>{NUM}) MiB.*?"
             rf"numpy (?P<numpy_mib>{NUM}) MiB"),
}


def parse_pillow(output: str) -> dict[str, Value]:
    return _search(PILLOW_PATTERNS, output)


def parse_face(output: str) -> dict[str, Value]:
    values = _search(FACE_PATTERNS, output)
    if isinstance(values.get("faces_found"), str):
        values["faces_found"] = str(values["faces_found"]).replace(" of ", "/")
    return values


# --- the benches ----------------------------------------------------------------------------

F = Figure
BULK_FIGURES = (
    F("formats1_s", "100 rows x 1 format, whole path", "s", 2),
    F("formats1_peak_mb", "peak memory, 1 format", "MB", 0, 400),
    F("formats3_s", "100 rows x 3 formats, whole path", "s", 2, 12),
    F("formats3_peak_mb", "peak memory, 3 formats", "MB", 0, 400),
)

BENCHES: tuple[Bench, ...] = (
    Bench("pillow", "pillow_card.py", (), ("--runs", "2"), (
        F("one_ours_ms", "one card per process: kontenopd render", "ms"),
        F("one_script_ms", "one card per process: hand-written Pillow script", "ms"),
        F("one_ratio", "one card per process, kontenopd / script", "x", 2, 1.0),
        F("batch_ours_ms", "batch export x 3 formats, per image (all cores)", "ms"),
        F("batch_script_ms", "Pillow script per card (one core)", "ms"),
        F("batch_ratio", "batch per image / script per card", "x", 2, 0.30),
    ), parse_pillow),
    Bench("gui", "gui_bench.py", (), ("--runs", "2", "--keys", "10"), (
        F("launch_s", "launch to main window shown, median", "s", 2, 0.8),
        F("keystroke_ms", "keystroke to updated preview (12 MP photo), median", "ms", 0, 20),
        F("keystroke_p90_ms", "keystroke to updated preview, p90", "ms"),
        F("memory_mb", "resident memory, 10 x 12 MP photos, every format", "MB", 0, 350),
    )),
    Bench("render", "render_bench.py", (), ("--runs", "5"), (
        F("cold_ms", "render 1080x1350 from a 12 MP JPEG, not yet decoded", "ms", 1, 150),
        F("warm_ms", "re-render, photo decoded and framed", "ms", 1, 40),
        F("moved_ms", "re-render, focal point moved", "ms", 1),
        F("preview_ms", "half-scale preview 540x675", "ms", 1),
    )),
    Bench("export", "export_bench.py", (), ("--skip-serial",), (
        F("all_cores_s", "export 50 drafts x 3 formats, all cores", "s", 2, 10),
        F("one_process_s", "same, one process", "s", 2),
        F("speedup", "speed-up, all cores over one process", "x", 2),
        F("one_draft_fresh_pool_s", "one draft x 3 formats, fresh 2-process pool", "s", 2),
        F("caption_instagram_ms", "caption check per keystroke, 2,128 chars, Instagram", "ms", 2),
        F("caption_x_ms", "caption check per keystroke, 2,128 chars, X", "ms", 2),
    )),
    Bench("bulk", "bulk_bench.py", (), (), BULK_FIGURES),
    Bench("bulk-photos", "bulk_bench.py", ("--photos",), ("--photos",), tuple(
        Figure(f.key, f.label.replace("100 rows", "100 rows with a photo each"), f.unit,
               f.digits, f.target) for f in BULK_FIGURES), full_only=True),
    Bench("face", "face_bench.py", (), ("--photos", "12"), (
        F("per_photo_ms", "face detection per 12 MP photo, median", "ms", 1, 60),
        F("per_photo_max_ms", "face detection per photo, max", "ms", 1),
        F("faces_found", "pasted faces found"),
        F("opencv_mib", "disk: opencv-python-headless", "MiB", 0),
        F("numpy_mib", "disk: numpy", "MiB", 0),
    ), parse_face),
    Bench("picking", "bench_picking.py", (), ("--runs", "1"), (
        F("score_s", "photo picking, 40 phone photos (4000x3000)", "s", 2, 4),
        F("score_thumbs_s", "same, with 160x120 thumbnails", "s", 2),
        F("blurred_flagged", "blurred photos flagged"),
        F("duplicates_grouped", "near-duplicates grouped"),
        F("false_alarms", "false alarms on distinct good photos"),
    )),
    Bench("draft", "draft_bench.py", (), (), (
        F("phone_first_save_ms", "draft, 10 phone photos: first save", "ms"),
        F("phone_save_again_ms", "draft, 10 phone photos: save again", "ms"),
        F("phone_open_ms", "draft, 10 phone photos: open", "ms"),
        F("camera_first_save_ms", "draft, 10 x 24 MP camera photos: first save", "ms"),
        F("camera_open_ms", "draft, 10 x 24 MP camera photos: open", "ms"),
    )),
)


def find_benches(names: list[str], benches: tuple[Bench, ...] = BENCHES) -> list[Bench]:
    """The benches named (``bulk``, ``bulk_bench``, ``bulk_bench.py`` all name one)."""
    chosen: list[Bench] = []
    for raw in names:
        for name in filter(None, (n.strip() for n in raw.split(","))):
            stem = name.removesuffix(".py")
            hits = [b for b in benches if stem in (b.name, b.script.removesuffix(".py"))]
            if not hits:
                known = ", ".join(b.name for b in benches)
                raise SystemExit(f"bench/run: no bench named {name!r} (known: {known})")
            chosen += [b for b in hits if b not in chosen]
    return chosen


# --- running --------------------------------------------------------------------------------

def load_average() -> tuple[float, ...] | None:
    try:
        return tuple(round(v, 2) for v in os.getloadavg())
    except (AttributeError, OSError):
        return None


def _stop(proc: subprocess.Popen) -> None:
    """End the bench and the worker processes it started (its own process group)."""
    if proc.poll() is not None:
        return
    try:
        if os.name == "posix":
            os.killpg(proc.pid, signal.SIGTERM)
        else:
            proc.terminate()
        proc.wait(5)
    except (OSError, subprocess.TimeoutExpired):
        if os.name == "posix":
            with contextlib.suppress(OSError):
                os.killpg(proc.pid, signal.SIGKILL)
        else:
            proc.kill()
        proc.wait()


def _short(text: str, limit: int = 160) -> str:
    """A message short enough for a table cell (the whole output goes to --json)."""
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _tail(text: str, lines: int = 1) -> str:
    kept = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return " / ".join(kept[-lines:])


def run_bench(bench: Bench, quick: bool, timeout: float, python: str = sys.executable,
              folder: Path = HERE, echo: bool = False) -> Outcome:
    command = [python, str(folder / bench.script), *(bench.quick_args if quick else bench.args)]
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    load = load_average()
    start = time.perf_counter()
    # the bench's own process group: a timeout ends it and every worker it started
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, cwd=str(folder.parent),
                            start_new_session=os.name == "posix")
    outcome = Outcome("ok", load=load, command=command)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop(proc)
        out, err = proc.communicate()
        outcome.status, outcome.message = "timed out", f"timed out after {timeout:.0f} s"
    except KeyboardInterrupt:
        _stop(proc)
        out, err = proc.communicate()
        outcome.status, outcome.message = "interrupted", "interrupted"
    outcome.seconds = time.perf_counter() - start
    outcome.output = out + (f"\n[stderr]\n{err}" if err.strip() else "")
    if echo:
        sys.stderr.write(outcome.output.rstrip() + "\n")
    if outcome.status == "ok" and proc.returncode != 0:
        outcome.status = "failed"
        outcome.message = _short(f"failed (exit {proc.returncode}): {_tail(err or out)}")
    if outcome.status == "ok":
        try:
            outcome.values = (bench.parse or parse_result_line)(out)
        except ValueError as exc:  # json.JSONDecodeError too
            outcome.status, outcome.message = "failed", f"unreadable output: {exc}"
        else:
            if not outcome.values:
                outcome.status = "failed"
                outcome.message = _short("no figures in its output: " + _tail(out))
    return outcome


# --- the table ------------------------------------------------------------------------------

def fmt_value(value: Value, unit: str, digits: int) -> str:
    text = value if isinstance(value, str) else f"{value:.{digits}f}"
    if not unit:
        return text
    return f"{text}{unit}" if unit == "x" else f"{text} {unit}"


def fmt_target(figure: Figure) -> str:
    if figure.target is None:
        return "—"
    text = f"{figure.target:.2f}" if figure.unit == "x" else f"{figure.target:g}"
    return "<= " + fmt_value(text, figure.unit, 0)


def rows_for(bench: Bench, outcome: Outcome) -> list[Row]:
    load = f"{outcome.load[0]:.2f}" if outcome.load else "n/a"
    if outcome.status != "ok":
        return [Row(bench.name, bench.script, outcome.message or outcome.status, "—",
                    outcome.status, load)]
    rows = []
    for figure in bench.figures:
        value = outcome.values.get(figure.key)
        if value is None:
            if figure.target is not None:  # a target's figure must not vanish silently
                rows.append(Row(bench.name, figure.label, "not in the output",
                                fmt_target(figure), "missing", load))
            continue
        if figure.target is None or isinstance(value, str):
            met = "—"
        else:
            met = "yes" if value <= figure.target else "**no**"
        rows.append(Row(bench.name, figure.label, fmt_value(value, figure.unit, figure.digits),
                        fmt_target(figure), met, load, value, figure.unit))
    return rows


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_table(rows: list[Row]) -> str:
    lines = ["| bench | figure | measured | target | met | load |",
             "|---|---|---|---|---|---|"]
    previous = None
    for row in rows:
        name = f"`{row.bench}`" if row.bench != previous else ""
        previous = row.bench
        lines.append("| " + " | ".join(_cell(c) for c in (
            name, row.figure, row.measured, row.target, row.met, row.load)) + " |")
    return "\n".join(lines)


# --- the machine ----------------------------------------------------------------------------

VERSIONS_SCRIPT = """
import json, platform, sys
from importlib import metadata
def version(*names):
    for name in names:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            pass
    return "not installed"
print(json.dumps({"python": platform.python_version() + " (" + sys.executable + ")",
                  "pillow": version("Pillow"),
                  "pyside6": version("PySide6-Essentials", "PySide6"),
                  "opencv": version("opencv-python-headless", "opencv-python")}))
"""


def _read(path: str) -> str:
    try:
        return Path(path).read_text(errors="replace")
    except OSError:
        return ""


def _run_text(command: list[str]) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=30,
                              check=False).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def cpu_model() -> str:
    for line in _read("/proc/cpuinfo").splitlines():
        key, _, value = line.partition(":")
        if key.strip() in ("model name", "Hardware", "Processor", "cpu model") and value.strip():
            return " ".join(value.split())
    if sys.platform == "darwin":
        return _run_text(["sysctl", "-n", "machdep.cpu.brand_string"]) or platform.processor()
    return platform.processor() or platform.machine() or "unknown"


def ram_gib() -> float | None:
    match = re.search(r"MemTotal:\s+(\d+) kB", _read("/proc/meminfo"))
    if match:
        return int(match.group(1)) / 2**20
    if sys.platform == "darwin":
        text = _run_text(["sysctl", "-n", "hw.memsize"])
        return int(text) / 2**30 if text.isdigit() else None
    if os.name == "nt":
        import ctypes

        class Status(ctypes.Structure):
            _fields_ = [("length", ctypes.c_ulong), ("load", ctypes.c_ulong),
                        ("total", ctypes.c_ulonglong), ("avail", ctypes.c_ulonglong),
                        ("pf_total", ctypes.c_ulonglong), ("pf_avail", ctypes.c_ulonglong),
                        ("v_total", ctypes.c_ulonglong), ("v_avail", ctypes.c_ulonglong),
                        ("x_avail", ctypes.c_ulonglong)]

        status = Status()
        status.length = ctypes.sizeof(Status)
        if ctypes.windll.kernel32.GlobalMemoryStatusEx(ctypes.byref(status)):
            return status.total / 2**30
    return None


def os_name() -> str:
    pretty = re.search(r'^PRETTY_NAME="?([^"\n]*)"?', _read("/etc/os-release"), re.MULTILINE)
    if pretty:
        return f"{pretty.group(1)} ({platform.system()} {platform.release()})"
    if sys.platform == "darwin":
        return f"macOS {platform.mac_ver()[0]}"
    return platform.platform()


def machine(python: str) -> dict[str, Any]:
    try:
        versions = json.loads(_run_text([python, "-c", VERSIONS_SCRIPT]) or "{}")
    except ValueError:
        versions = {}
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None
    commit = _run_text(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    if commit and _run_text(["git", "-C", str(ROOT), "status", "--porcelain", "--", "src",
                             "bench", "assets"]):
        commit += " (with uncommitted changes)"
    ram = ram_gib()
    return {"cpu": cpu_model(), "cores": os.cpu_count(), "usable_cores": usable,
            "ram_gib": round(ram, 1) if ram else None, "os": os_name(),
            "python": versions.get("python", platform.python_version()),
            "pillow": versions.get("pillow", "?"), "pyside6": versions.get("pyside6", "?"),
            "opencv": versions.get("opencv", "?"), "commit": commit or "unknown",
            "date": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")}


def _load_text(load: tuple[float, ...] | None) -> str:
    return " / ".join(f"{v:.2f}" for v in load) if load else "n/a"


def header(info: dict[str, Any], command: str, load_before: tuple[float, ...] | None,
           load_after: tuple[float, ...] | None, seconds: float) -> str:
    cores = f"{info['cores']} cores"
    if info.get("usable_cores") and info["usable_cores"] != info["cores"]:
        cores += f" ({info['usable_cores']} usable)"
    ram = f"{info['ram_gib']} GiB RAM" if info.get("ram_gib") else "RAM unknown"
    return "\n".join([
        f"- machine: {info['cpu']}, {cores}, {ram}; {info['os']}",
        f"- software: Python {info['python'].split(' (')[0]}, Pillow {info['pillow']}, "
        f"PySide6 {info['pyside6']}, OpenCV {info['opencv']}; commit {info['commit']}",
        f"- run: {info['date']}, `{command}`, {seconds / 60:.1f} min; load average "
        f"(1 / 5 / 15 min) before {_load_text(load_before)}, after {_load_text(load_after)}",
    ])


# --- main -----------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="bench/run", description=__doc__.split("\n\n")[0],
        epilog="benches: " + ", ".join(f"{b.name} ({b.script})" for b in BENCHES))
    parser.add_argument("--quick", action="store_true",
                        help="fewer repetitions, same workloads; skips bulk-photos")
    parser.add_argument("--only", action="append", default=[], metavar="NAME",
                        help="run only these benches (repeat, or comma-separate)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the rows as JSON")
    parser.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                        help="per bench (default 1200, quick 600)")
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="echo each bench's own output to stderr")
    parser.add_argument("--list", action="store_true", help="list the benches and exit")
    args = parser.parse_args(argv)
    if args.list:
        for b in BENCHES:
            extra = " (full run only)" if b.full_only else ""
            print(f"{b.name:12} {b.script} {' '.join(b.args)}{extra}")
        return 0
    chosen = find_benches(args.only) if args.only else [
        b for b in BENCHES if not (args.quick and b.full_only)]
    timeout = args.timeout or (600.0 if args.quick else 1200.0)
    python = sys.executable
    # As installed (a wheel, the frozen app): the package's bytecode compiled once. An
    # editable install under PYTHONDONTWRITEBYTECODE would compile every module at every
    # start (0.3 s of the launch and of each one-card render), which no user pays.
    subprocess.run([python, "-m", "compileall", "-q", str(ROOT / "src" / "kontenopd")],
                   check=False, capture_output=True)

    info = machine(python)
    load_before = load_average()
    start = time.perf_counter()
    rows: list[Row] = []
    runs: list[dict[str, Any]] = []
    interrupted = False
    for i, bench in enumerate(chosen, 1):
        if interrupted:
            outcome = Outcome("not run", message="not run (interrupted)", load=load_average())
        else:
            sys.stderr.write(f"[{i}/{len(chosen)}] {bench.name}: {bench.script} "
                             f"{' '.join(bench.quick_args if args.quick else bench.args)}"
                             f" (load {_load_text(load_average())}) ...\n")
            sys.stderr.flush()
            outcome = run_bench(bench, args.quick, timeout, python, echo=args.verbose)
            interrupted = outcome.status == "interrupted"
            sys.stderr.write(f"    {outcome.status} in {outcome.seconds:.1f} s"
                             f"{': ' + outcome.message if outcome.message else ''}\n")
        bench_rows = rows_for(bench, outcome)
        rows += bench_rows
        runs.append({"bench": bench.name, "script": bench.script, "command": outcome.command,
                     "status": outcome.status, "seconds": round(outcome.seconds, 2),
                     "load_before": outcome.load, "values": outcome.values,
                     "output": outcome.output[-8000:]})
    seconds = time.perf_counter() - start
    load_after = load_average()

    met = [r for r in rows if r.met in ("yes", "**no**", "missing")]
    broken = [r["bench"] for r in runs if r["status"] != "ok"]
    command = " ".join(["bench/run", *(["--quick"] if args.quick else []),
                        *(f"--only {n}" for n in args.only)])
    print(header(info, command, load_before, load_after, seconds))
    print()
    print(markdown_table(rows))
    print()
    print(f"{sum(r.met == 'yes' for r in met)} of {len(met)} targets met"
          f"{'; not run to the end: ' + ', '.join(broken) if broken else ''}. Load: the "
          f"1-minute load average when each bench started ({info['cores']} cores).")
    if args.json:
        args.json.write_text(json.dumps({
            "machine": info, "quick": args.quick, "load_before": load_before,
            "load_after": load_after, "seconds": round(seconds, 1),
            "rows": [{"bench": r.bench, "figure": r.figure, "value": r.value, "unit": r.unit,
                      "measured": r.measured, "target": r.target,
                      "met": {"yes": True, "**no**": False}.get(r.met),
                      "status": r.met.strip("*"),
                      "load": r.load} for r in rows],
            "benches": runs}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 130 if interrupted else 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
