"""bench/run: reading the benches' output, the rows and the table, failures and time-outs
(with stand-in bench scripts: the real benches take minutes)."""

from __future__ import annotations

import importlib.util
import json
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load_run():
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


run = _load_run()

PILLOW_OUTPUT = """photo 5312x2988 progressive JPEG, 2 cores, load 1.20 1.10 1.00
one card per process: kontenopd render 745 ms, script 391 ms -> 1.91x (target <= 1.0x)
batch, 20 drafts x 3 formats: kontenopd export 106 ms per image (all cores), script 294 ms per card (one core) -> 0.36x (target <= 0.30x)
"""  # noqa: E501

FACE_OUTPUT = """OpenCV 4.14.0, 2 thread(s); 20 photos of 12 MP (8.6 MP for 16:9)
per photo, median:   58.6 ms (max 95.6)   <- target <= 60 ms
  proxy (decode to 640 px, grayscale):   14.1 ms (max 20.2)
  cascades:   44.0 ms (max 70.3), CPU   80.1 ms (max 120.0)
first use: import cv2 180 ms
faces found: 23 of 36 pasted (30 of them at least 24 px wide in the proxy, the cascade's window)
installed: opencv-python-headless 161.2 MiB (cv2/, dist-info, .libs), numpy 68.0 MiB
"""


def test_pillow_card_lines_are_read():
    values = run.parse_pillow(PILLOW_OUTPUT)
    assert values == {"one_ours_ms": 745, "one_script_ms": 391, "one_ratio": 1.91,
                      "batch_drafts": 20, "batch_ours_ms": 106, "batch_script_ms": 294,
                      "batch_ratio": 0.36}


def test_face_bench_lines_are_read():
    values = run.parse_face(FACE_OUTPUT)
    assert values["per_photo_ms"] == 58.6
    assert values["per_photo_max_ms"] == 95.6
    assert values["proxy_ms"] == 14.1
    assert values["cascades_ms"] == 44.0
    assert values["import_cv2_ms"] == 180
    assert values["faces_found"] == "23/36"
    assert (values["opencv_mib"], values["numpy_mib"]) == (161.2, 68.0)


def test_result_line_is_the_last_one_and_keeps_numbers_and_text():
    output = ('noise\nRESULT {"a_ms": 1}\nmore\n'
              'RESULT {"a_ms": 2.5, "found": "3/4", "flag": true, "list": [1]}\n')
    assert run.parse_result_line(output) == {"a_ms": 2.5, "found": "3/4"}
    assert run.parse_result_line("no result here\n") == {}


def _bench(**extra) -> object:
    figures = (run.Figure("fast_ms", "fast thing", "ms", 1, 20),
               run.Figure("slow_s", "slow thing", "s", 2, 1.0),
               run.Figure("ratio", "ratio", "x", 2, 0.30),
               run.Figure("count", "count"),
               run.Figure("absent_ms", "never printed", "ms"))
    return run.Bench("fake", "fake_bench.py", figures=figures, **extra)


def test_rows_show_value_target_and_verdict():
    outcome = run.Outcome("ok", values={"fast_ms": 12.34, "slow_s": 1.5, "ratio": 0.3,
                                        "count": "4/5"}, load=(1.5, 1.0, 0.5))
    rows = run.rows_for(_bench(), outcome)
    shown = [(r.figure, r.measured, r.target, r.met, r.load) for r in rows]
    assert shown == [("fast thing", "12.3 ms", "<= 20 ms", "yes", "1.50"),
                     ("slow thing", "1.50 s", "<= 1 s", "**no**", "1.50"),
                     ("ratio", "0.30x", "<= 0.30x", "yes", "1.50"),
                     ("count", "4/5", "—", "—", "1.50")]  # no target, absent: no row


def test_a_missing_figure_with_a_target_gets_a_row():
    rows = run.rows_for(_bench(), run.Outcome("ok", values={"fast_ms": 1}))
    assert [(r.figure, r.met) for r in rows if r.met == "missing"] == [
        ("slow thing", "missing"), ("ratio", "missing")]


def test_markdown_table_names_each_bench_once_and_escapes_pipes():
    rows = [run.Row("a", "x | y", "1 ms", "—", "—", "0.10"),
            run.Row("a", "z", "2 ms", "—", "—", "0.10"),
            run.Row("b", "w", "3 ms", "<= 4 ms", "yes", "0.20")]
    lines = run.markdown_table(rows).splitlines()
    assert lines[0] == "| bench | figure | measured | target | met | load |"
    assert lines[2] == "| `a` | x \\| y | 1 ms | — | — | 0.10 |"
    assert lines[3].startswith("|  | z |")
    assert lines[4].startswith("| `b` | w |")


def test_only_accepts_names_scripts_and_lists():
    names = [b.name for b in run.find_benches(["bulk_bench.py", "face,picking", "face"])]
    assert names == ["bulk", "bulk-photos", "face", "picking"]
    with pytest.raises(SystemExit, match="no bench named 'nope'"):
        run.find_benches(["nope"])


def test_every_bench_script_exists_and_every_target_is_shown():
    for bench in run.BENCHES:
        assert (ROOT / "bench" / bench.script).is_file(), bench.script
    targets = {(b.name, f.key): f.target for b in run.BENCHES for f in b.figures if f.target}
    assert targets[("pillow", "one_ratio")] == 1.0
    assert targets[("pillow", "batch_ratio")] == 0.30
    assert targets[("gui", "launch_s")] == 0.8
    assert targets[("gui", "keystroke_ms")] == 20
    assert targets[("face", "per_photo_ms")] == 60
    assert targets[("picking", "score_s")] == 4
    assert targets[("bulk", "formats3_s")] == 12
    assert targets[("bulk", "formats3_peak_mb")] == 400


def _script(folder: Path, body: str) -> None:
    (folder / "fake_bench.py").write_text(body)


def test_a_bench_that_prints_its_result(tmp_path: Path):
    _script(tmp_path, "import json, sys\nprint('prose', sys.argv[1:])\n"
                      "print('RESULT ' + json.dumps({'fast_ms': 3.0, 'slow_s': 0.5}))\n")
    outcome = run.run_bench(_bench(args=("--full",), quick_args=("--runs", "1")), quick=True,
                            timeout=60, folder=tmp_path)
    assert outcome.status == "ok", outcome.message
    assert outcome.values == {"fast_ms": 3.0, "slow_s": 0.5}
    assert "['--runs', '1']" in outcome.output


def test_a_failing_bench_gives_one_row_saying_so(tmp_path: Path):
    _script(tmp_path, "import sys\nprint('half way')\nsys.exit('OpenCV is not installed')\n")
    outcome = run.run_bench(_bench(), quick=False, timeout=60, folder=tmp_path)
    assert outcome.status == "failed"
    assert "exit 1" in outcome.message
    assert "OpenCV is not installed" in outcome.message
    rows = run.rows_for(_bench(), outcome)
    assert len(rows) == 1
    assert rows[0].met == "failed"


def test_a_bench_without_figures_fails(tmp_path: Path):
    _script(tmp_path, "print('the format changed')\n")
    outcome = run.run_bench(_bench(), quick=False, timeout=60, folder=tmp_path)
    assert outcome.status == "failed"
    assert "no figures" in outcome.message
    _script(tmp_path, "print('RESULT {not json')\n")
    assert run.run_bench(_bench(), quick=False, timeout=60, folder=tmp_path).status == "failed"


def test_a_bench_that_hangs_is_ended_with_its_workers(tmp_path: Path):
    pid_file = tmp_path / "child.pid"
    _script(tmp_path, "import subprocess, sys, time\n"
                      "child = subprocess.Popen([sys.executable, '-c', "
                      "'import time; time.sleep(60)'])\n"
                      f"open({str(pid_file)!r}, 'w').write(str(child.pid))\n"
                      "time.sleep(60)\n")
    start = time.perf_counter()
    outcome = run.run_bench(_bench(), quick=False, timeout=2, folder=tmp_path)
    assert time.perf_counter() - start < 30
    assert outcome.status == "timed out"
    assert run.rows_for(_bench(), outcome)[0].measured == "timed out after 2 s"
    if sys.platform != "win32":
        import os

        child = int(pid_file.read_text())
        for _ in range(50):  # the worker went with its bench (same process group)
            try:
                os.kill(child, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
        else:
            pytest.fail("the bench's worker process outlived the time-out")


def test_main_writes_json_and_a_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture):
    _script(tmp_path, "print('RESULT {\"fast_ms\": 3.0, \"slow_s\": 2.0}')\n")
    monkeypatch.setattr(run, "BENCHES", (_bench(),))
    monkeypatch.setattr(run, "HERE", tmp_path)
    real = run.run_bench
    monkeypatch.setattr(run, "run_bench", lambda *a, **k: real(*a, **k, folder=tmp_path))
    out = tmp_path / "rows.json"
    assert run.main(["--quick", "--json", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "- machine: " in printed
    assert "load average (1 / 5 / 15 min) before " in printed
    assert "| `fake` | fast thing | 3.0 ms | <= 20 ms | yes |" in printed
    assert "1 of 3 targets met" in printed  # slow: no; ratio: missing
    data = json.loads(out.read_text())
    assert {"cpu", "cores", "ram_gib", "os", "python", "pillow", "pyside6", "opencv",
            "date"} <= set(data["machine"])
    assert data["rows"][0]["value"] == 3.0
    assert data["rows"][0]["met"] is True
    assert data["rows"][1]["met"] is False
    assert data["benches"][0]["status"] == "ok"
