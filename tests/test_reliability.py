"""Reliability: bad input is normal input, fixes are transactions, errors are one line
(issue 11). Fault injection through real processes (kill -9, FIFOs, devices, another
user's permissions) and through monkeypatching between read and write."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

import corpuslint
from corpuslint import files
from corpuslint.engine import apply_fixes, build_registry, run
from corpuslint.findings import Edit, Finding, Fix, Severity

from .conftest import ROOT, run_cli

BAD = "هذا نص فيه مسافة زائدة \nسطر ثان\u00a0فيه مسافة غير قياسية.\n"
GOOD = "هذا نص فيه مسافة زائدة\nسطر ثان فيه مسافة غير قياسية.\n"


def _json(proc) -> list[tuple[str, str]]:
    data = json.loads(proc.stdout)
    return sorted((Path(d["path"]).name, d["code"]) for d in data["diagnostics"])


# -- discovery: stat before open ------------------------------------------------------


def test_fifo_in_the_tree_is_skipped_not_read(tmp_path):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    proc = run_cli("check", "--no-cache", "--select", "W,F", "--format", "json", ".", cwd=tmp_path)  # hung for ever before
    assert proc.returncode == 1, proc.stderr
    assert ("pipe.txt", "F007") in _json(proc)
    assert ("a.txt", "W101") in _json(proc)


def _odd_names(tmp_path: Path) -> tuple[bytes, bytes]:
    """Two files whose names a report cannot print as they are: a byte that is not UTF-8
    (0xFF) and a newline (fresh14's trial: every run in the project exited 2)."""
    undecodable, newline = b"bad\xffname.txt", b"new\nline.txt"
    for name in (undecodable, newline):
        with open(os.path.join(os.fsencode(tmp_path), name), "wb") as fh:
            fh.write(BAD.encode("utf-8"))
    return undecodable, newline


@pytest.mark.parametrize("cache", [["--no-cache"], []])
def test_file_names_that_are_not_utf8_or_hold_a_newline_are_checked_and_shown_escaped(tmp_path, cache):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)  # git check-ignore reads the names too
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    _odd_names(tmp_path)
    proc = run_cli("check", *cache, "--select", "W101", "--format", "json", ".", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    found = _json(proc)
    assert ("bad\\377name.txt", "W101") in found and ("new\\nline.txt", "W101") in found, found
    text = run_cli("check", *cache, "--select", "W101", "--output-format", "concise", ".", cwd=tmp_path)
    assert text.returncode == 1, text.stderr
    lines = [ln for ln in text.stdout.splitlines() if "W101" in ln]
    assert len(lines) == 3 and all(ln.split(":")[0] in ("a.txt", "bad\\377name.txt", "new\\nline.txt")
                                   for ln in lines), text.stdout


def test_fix_and_diff_of_a_file_whose_name_is_not_utf8_use_its_real_name(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    undecodable, newline = _odd_names(tmp_path)
    diff = run_cli("check", "--select", "W101,W102", "--diff", ".", cwd=tmp_path)
    assert diff.returncode == 1, diff.stderr
    assert 'diff --git "a/bad\\377name.txt" "b/bad\\377name.txt"' in diff.stdout
    patch = tmp_path / "fix.patch"
    patch.write_text(diff.stdout, encoding="utf-8")
    applied = subprocess.run(["git", "apply", "--check", "fix.patch"], cwd=tmp_path, capture_output=True, text=True)
    assert applied.returncode == 0, applied.stderr
    fixed = run_cli("check", "--select", "W101,W102", "--fix", ".", cwd=tmp_path)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    for name in (undecodable, newline):
        with open(os.path.join(os.fsencode(tmp_path), name), "rb") as fh:
            assert fh.read().decode("utf-8") == GOOD


def test_printable_name_escapes_only_what_a_report_cannot_show():
    assert files.printable_name("أخبار/خبر 1.txt") == "أخبار/خبر 1.txt"
    assert files.printable_name("C:\\a\\b.txt") == "C:\\a\\b.txt"  # nothing else to escape: as it is
    assert files.printable_name(os.fsdecode(b"a\\b\xff.txt")) == "a\\\\b\\377.txt"
    assert files.printable_name("tab\there\x85.txt") == "tab\\there\\x85.txt"


def test_symlink_to_a_device_is_skipped(tmp_path):
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--select", "W,F", "--format", "json", ".", cwd=tmp_path)
    assert ("zero.txt", "F007") in _json(proc)
    assert proc.returncode == 0  # info only


def test_device_named_on_the_command_line_is_an_error(tmp_path):
    proc = run_cli("check", "--no-cache", "--format", "json", "/dev/zero", cwd=tmp_path)
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    assert [(d["code"], d["severity"]) for d in data["diagnostics"]] == [("F003", "error")]
    assert "character device" in data["diagnostics"][0]["message"]


def test_fifo_swapped_in_after_discovery_does_not_block(tmp_path):
    os.mkfifo(tmp_path / "late.txt")
    got = files.load(files.Source(str(tmp_path / "late.txt"), "late.txt"))
    assert isinstance(got, files.ReadProblem) and "FIFO" in got.message


def test_symlink_outside_the_root_is_not_read_nor_replaced(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("password = hunter2 \n", encoding="utf-8")
    project = tmp_path / "proj"
    (project / ".git").mkdir(parents=True)
    (project / "link.txt").symlink_to(secret)
    (project / "a.txt").write_text(BAD, encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--fix", "--format", "json", ".", cwd=project)
    assert "hunter2" not in proc.stdout
    assert ("link.txt", "F007") in _json(proc)
    assert (project / "link.txt").is_symlink()
    assert secret.read_text(encoding="utf-8") == "password = hunter2 \n"
    assert (project / "a.txt").read_text(encoding="utf-8") == GOOD
    # opting in checks the target, but --fix still never writes outside the root
    proc = run_cli("check", "--no-cache", "--fix", "--follow-external-symlinks", "--format", "json", ".", cwd=project)
    assert ("link.txt", "F006") in _json(proc)
    assert (project / "link.txt").is_symlink()
    assert secret.read_text(encoding="utf-8") == "password = hunter2 \n"


def test_fix_writes_through_a_symlink_inside_the_root_and_keeps_it(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "t.dat"  # not matched by the default include
    target.write_text(BAD, encoding="utf-8")
    target.chmod(0o640)
    (tmp_path / "link.txt").symlink_to(target)
    proc = run_cli("check", "--no-cache", "--select", "W,F", "--fix", ".", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (tmp_path / "link.txt").is_symlink()
    assert target.read_text(encoding="utf-8") == GOOD
    assert target.stat().st_mode & 0o777 == 0o640


def _make_deep(base: Path, name: str, levels: int, text: str) -> None:
    """base/name/name/.../x.txt, made with directory fds (no path ever spelled out)."""
    fd = os.open(base, os.O_RDONLY)
    try:
        for _ in range(levels):
            os.mkdir(name, dir_fd=fd)
            new = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = new
        new = os.open("x.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(new, text.encode())
        os.close(new)
    finally:
        os.close(fd)


def _remove_deep(base: Path, name: str) -> None:
    """Remove what _make_deep made, bottom-up (shutil.rmtree recurses, and would fail)."""
    fds = [os.open(base, os.O_RDONLY)]
    try:
        while True:
            try:
                fds.append(os.open(name, os.O_RDONLY, dir_fd=fds[-1]))
            except FileNotFoundError:
                break
        for entry in os.listdir(fds[-1]):
            os.unlink(entry, dir_fd=fds[-1])
        for parent in reversed(fds[:-1]):
            os.rmdir(name, dir_fd=parent)
    finally:
        for fd in fds:
            os.close(fd)


@pytest.fixture
def deep_cleanup(tmp_path):
    made: list[str] = []
    yield made
    for name in made:
        _remove_deep(tmp_path, name)


def test_the_walk_gives_every_file_the_paths_check_file_would(tmp_path, monkeypatch):
    """The walk builds each file's absolute and display paths from its folder's (not
    per file): they equal what ``display_path`` gives, from any working folder."""
    from corpuslint.config import Config
    from corpuslint.files import discover, display_path

    for rel in ("a.txt", "..odd.txt", "sub/b.txt", "sub/deeper/c.txt", "other/d.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x\n", encoding="utf-8")
    config = Config()
    config.root = str(tmp_path)
    config.respect_gitignore = False
    for cwd, top in ((tmp_path, "."), (tmp_path, str(tmp_path)), (tmp_path / "sub", ".."),
                     (tmp_path / "sub", str(tmp_path / "other")), (tmp_path / "other", "../sub")):
        monkeypatch.chdir(cwd)
        found = discover([top], config)
        assert len(found) == 5 or top.endswith(("other", "sub"))
        for src in found:
            assert src.problem is None and os.path.isabs(src.path)
            assert src.path == os.path.abspath(src.path)
            assert src.display == display_path(src.path, str(cwd)), (cwd, top, src)


def test_deep_tree_is_walked_without_recursion_limit(tmp_path, deep_cleanup):
    deep_cleanup.append("d")
    _make_deep(tmp_path, "d", 1100, BAD)
    proc = run_cli("check", "--no-cache", "--select", "W,F", "--format", "json", ".", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr[-500:]
    assert ("x.txt", "W101") in _json(proc)


def test_path_longer_than_path_max_is_f003(tmp_path, deep_cleanup):
    deep_cleanup.append("n" * 200)
    _make_deep(tmp_path, "n" * 200, 25, BAD)  # 25 x 201 characters > PATH_MAX (4096)
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--select", "W,F", "--format", "json", ".", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr[-500:]
    data = json.loads(proc.stdout)
    assert [(d["code"], "path too long" in d["message"]) for d in data["diagnostics"]] == [("F003", True)]


# Tests that need a non-root user: as root, mode 000 and read-only folders are still
# readable/writable, so these run corpuslint in a child that drops to uid 65534
# ("nobody") after importing everything (the interpreter lives under /root).
_AS_NOBODY = r"""
import contextlib, io, os, sys, tempfile, shutil
from corpuslint.cli import main
warm = tempfile.mkdtemp()
os.chdir(warm)
open(os.path.join(warm, "w.txt"), "w").write("x \n")
with contextlib.redirect_stdout(io.StringIO()):
    main(["check", "--fix", "--no-cache", "--format", "json", warm])
    main(["check", "--no-cache", warm])
shutil.rmtree(warm)
import corpuslint.index, sqlite3, difflib, stat
# modules corpuslint imports on first use (stdlib under /root is unreadable for nobody)
import ftfy, ftfy.badness, html, html.entities, concurrent.futures.process, corpuslint.outputs.text
if os.geteuid() == 0:
    os.setgid(65534)
    os.setuid(65534)
os.chdir(sys.argv[1])
sys.exit(main(sys.argv[2:]))
"""


def _run_as_other_user(cwd: str, *args: str):
    env = dict(os.environ, PYTHONPATH=f"{ROOT}{os.pathsep}{ROOT / 'plugins' / 'corpuslint-quality'}")
    return subprocess.run([sys.executable, "-c", _AS_NOBODY, cwd, *args], capture_output=True, text=True,
                          env=env, timeout=300)


@pytest.fixture
def shared_dir():
    """A folder another user can enter (pytest's tmp_path is private to root)."""
    path = tempfile.mkdtemp(prefix="corpuslint-test-")
    os.chmod(path, 0o777)
    yield Path(path)
    for dirpath, dirnames, _ in os.walk(path):
        for d in dirnames:
            os.chmod(os.path.join(dirpath, d), 0o777)
    import shutil

    shutil.rmtree(path)


def test_unreadable_folder_is_f003_not_all_clear(shared_dir):
    (shared_dir / "a.txt").write_text(GOOD, encoding="utf-8")
    locked = shared_dir / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text(BAD, encoding="utf-8")
    locked.chmod(0o000)
    proc = _run_as_other_user(str(shared_dir), "check", "--no-cache", "--select", "W,F", "--format", "json", ".")
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert [(d["path"], d["code"]) for d in data["diagnostics"]] == [("locked", "F003")]
    assert "Permission denied" in data["diagnostics"][0]["message"]


def test_read_only_folder_fix_reports_it_and_fixes_the_rest(shared_dir):
    ro = shared_dir / "ro"
    rw = shared_dir / "rw"
    ro.mkdir()
    rw.mkdir()
    for d in (ro, rw):
        (d / "x.txt").write_text(BAD, encoding="utf-8")
        (d / "x.txt").chmod(0o666)
    rw.chmod(0o777)
    ro.chmod(0o555)  # owned by root: not writable for the child
    proc = _run_as_other_user(str(shared_dir), "check", "--no-cache", "--fix", "--format", "json", ".")
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert [(d["path"], d["code"]) for d in data["diagnostics"] if d["code"].startswith("F")] == [
        ("ro/x.txt", "F006")]
    assert (rw / "x.txt").read_text(encoding="utf-8") == GOOD
    assert (ro / "x.txt").read_text(encoding="utf-8") == BAD
    assert not [p for p in ro.iterdir() if p.name.startswith(".corpuslint-")]


def test_zero_files_checked_because_of_errors_fails(tmp_path):
    proc = run_cli("check", "--no-cache", "missing-folder", cwd=tmp_path)
    assert proc.returncode != 0


# -- --fix as a transaction -------------------------------------------------------------


def _fix_run(tmp_path: Path, **kw):
    config, registry = build_registry([str(tmp_path)], table={"select": ["W"], "cache": False})
    return run([str(tmp_path)], config, registry, fix=True, **kw)


def test_file_edited_during_fix_keeps_the_edit(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BAD, encoding="utf-8")
    real = files.write_fixed

    def edit_then_write(path, old, new, root, *encoding):
        if path.endswith("a.txt"):  # someone appends between our read and our write
            with open(path, "a", encoding="utf-8") as fh:
                fh.write("سطر أضافه المحرر\n")
        return real(path, old, new, root, *encoding)

    monkeypatch.setattr(files, "write_fixed", edit_then_write)
    result = _fix_run(tmp_path)
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == BAD + "سطر أضافه المحرر\n"
    assert (tmp_path / "b.txt").read_text(encoding="utf-8") == GOOD
    f006 = [f for f in result.findings if f.code == "F006"]
    assert [f.path for f in f006] == [str(tmp_path / "a.txt")] or [Path(f.path).name for f in f006] == ["a.txt"]
    assert "changed since it was read" in f006[0].message
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".corpuslint-")]


def test_file_deleted_during_fix_is_a_finding(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    real = files.write_fixed

    def delete_then_write(path, old, new, root, *encoding):
        os.unlink(path)
        return real(path, old, new, root, *encoding)

    monkeypatch.setattr(files, "write_fixed", delete_then_write)
    result = _fix_run(tmp_path)  # findings of the text as read, plus F006
    assert [f.code for f in result.findings if f.code.startswith("F")] == ["F006"]
    assert "vanished" in [f for f in result.findings if f.code == "F006"][0].message
    assert not (tmp_path / "a.txt").exists()
    assert not list(tmp_path.iterdir())


def test_temp_file_removed_when_the_write_fails(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device", dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    result = _fix_run(tmp_path)
    assert [f.code for f in result.findings if f.code.startswith("F")] == ["F006"]
    assert "No space left" in [f for f in result.findings if f.code == "F006"][0].message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == BAD


def test_stale_temp_files_of_a_killed_run_are_cleaned(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    stale = tmp_path / f".corpuslint-{dead}-abc123.tmp"
    stale.write_text("half", encoding="utf-8")
    old = tmp_path / ".corpuslint-oldname.tmp"  # the pre-pid naming: removed when over an hour old
    old.write_text("half", encoding="utf-8")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    proc = run_cli("check", "--no-cache", "--select", "W", ".", cwd=tmp_path)
    assert proc.returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_kill_9_during_fix_leaves_every_file_old_or_new(tmp_path):
    n = 400
    fixed_text = {}
    for i in range(n):
        text = "".join(f"سطر {i} رقم {j} فيه مسافة زائدة \n" for j in range(200))
        (tmp_path / f"f{i:03d}.txt").write_text(text, encoding="utf-8")
        fixed_text[i] = text.replace(" \n", "\n")
    original = {i: (tmp_path / f"f{i:03d}.txt").read_text(encoding="utf-8") for i in range(n)}
    env = dict(os.environ)
    proc = subprocess.Popen([sys.executable, "-m", "corpuslint", "check", "--no-cache", "--select", "W",
                             "--fix", "."], cwd=tmp_path, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    # kill as soon as the first file has been rewritten (mid-way through the writes)
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        if any(p.name.startswith(".corpuslint-") for p in tmp_path.iterdir()) or any(
                (tmp_path / f"f{i:03d}.txt").stat().st_size < len(original[i].encode()) for i in (0, 1, 2)):
            break
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    for i in range(n):
        now = (tmp_path / f"f{i:03d}.txt").read_text(encoding="utf-8")
        assert now in (original[i], fixed_text[i]), f"f{i:03d}.txt is half-written"
    again = run_cli("check", "--no-cache", "--select", "W", "--fix", ".", cwd=tmp_path)
    assert again.returncode == 0, again.stdout[-2000:] + again.stderr
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".corpuslint-")]
    assert all((tmp_path / f"f{i:03d}.txt").read_text(encoding="utf-8") == fixed_text[i] for i in range(n))


def _stat(pid: int | str) -> list[str] | None:
    """Fields 3 on of ``/proc/PID/stat`` (state, parent pid, ...), or None if gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            return fh.read().rsplit(")", 1)[1].split()
    except OSError:
        return None


def _children(pid: int) -> set[int]:
    """The live (not zombie) processes whose parent is ``pid``."""
    return {int(name) for name in os.listdir("/proc") if name.isdigit()
            and (fields := _stat(name)) is not None and int(fields[1]) == pid and fields[0] != "Z"}


def _alive(pid: int) -> bool:
    fields = _stat(pid)
    return fields is not None and fields[0] != "Z"


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads the process tree from Linux's /proc")
def test_workers_leave_when_the_run_is_killed(tmp_path):
    # A run killed with SIGKILL (or by the out-of-memory killer) runs no clean-up: its forked
    # workers, one blocked writing a result no one reads, stayed for ever (seen on CI after
    # the kill test above: `corpuslint check --select W --fix .` at 0 % CPU for 45 minutes).
    for i in range(400):
        (tmp_path / f"f{i:03d}.txt").write_text("".join(f"سطر {i} رقم {j} فيه مسافة زائدة \n" for j in range(200)),
                                                encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "corpuslint", "check", "--no-cache", "--jobs", "2", "--select", "W",
                             "--fix", "."], cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    deadline = time.time() + 300
    while time.time() < deadline and proc.poll() is None and not workers:
        workers = _children(proc.pid)
        time.sleep(0.01)
    assert workers, "the run forked no worker (it must, with --jobs 2 and 6 MB of text)"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.time() + 120
    while time.time() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    left = [w for w in workers if _alive(w)]
    for w in left:  # (never leave them to the next test)
        os.kill(w, signal.SIGKILL)
    assert not left, f"workers {left} outlived their killed parent"


def test_error_before_the_first_write_leaves_every_file_untouched(tmp_path):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--fix", "--output-file", str(tmp_path / "no" / "such" / "dir.json"),
                   ".", cwd=tmp_path)
    assert proc.returncode == 2
    assert len(proc.stderr.strip().splitlines()) == 1 and "--output-file" in proc.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == BAD


# -- errors: one line, exit 2, the plugin named ----------------------------------------


_BROKEN_PLUGIN = '''
from corpuslint.hookspecs import hookimpl
from corpuslint.rules import DocumentRule


class Boom(DocumentRule):
    """Raises."""
    code = "X901"
    name = "boom"
    family = "broken"

    def check(self, doc):
        if "boom" in doc.text:
            raise ValueError("cannot handle this text")
        return []


@hookimpl
def corpuslint_register_rules():
    return [Boom]


def _fmt(result, out):
    raise KeyError("no such field")


@hookimpl
def corpuslint_register_formats():
    return {"broken": _fmt}
'''


@pytest.fixture
def broken_plugin_project(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "brokenplug.py").write_text(_BROKEN_PLUGIN, encoding="utf-8")
    (tmp_path / ".corpuslint.toml").write_text('[plugins]\nlocal = ["brokenplug"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    return tmp_path


def test_plugin_rule_error_is_one_line_naming_the_plugin_and_nothing_is_fixed(broken_plugin_project):
    (broken_plugin_project / "b.txt").write_text("boom \n", encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--fix", ".", cwd=broken_plugin_project)
    assert proc.returncode == 2
    (line,) = proc.stderr.strip().splitlines()
    assert "X901" in line and "brokenplug" in line and "b.txt" in line and "ValueError" in line
    assert (broken_plugin_project / "a.txt").read_text(encoding="utf-8") == BAD  # no half-fixed corpus
    verbose = run_cli("check", "--no-cache", "--verbose", ".", cwd=broken_plugin_project)
    assert verbose.returncode == 2 and "Traceback" in verbose.stderr
    debug = run_cli("check", "--no-cache", ".", cwd=broken_plugin_project, env={"CORPUSLINT_DEBUG": "1"})
    assert "Traceback" in debug.stderr


def test_plugin_formatter_error_is_one_line(broken_plugin_project):
    proc = run_cli("check", "--no-cache", "--format", "broken", ".", cwd=broken_plugin_project)
    assert proc.returncode == 2
    (line,) = proc.stderr.strip().splitlines()
    assert "formatter 'broken'" in line and "brokenplug" in line and "KeyError" in line


def test_internal_error_is_one_line(tmp_path, monkeypatch, capsys):
    from corpuslint import cli, engine

    def explode(*a, **k):
        raise AssertionError("invariant broken")

    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(cli, "run", explode)
    assert cli.main(["check", "--no-cache", "."]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal error" in err and "Traceback" not in err


def test_an_internal_error_raised_in_the_standard_library_names_no_plugin(tmp_path, monkeypatch, capsys):
    # fresh14: corpuslint's own UnicodeEncodeError inside subprocess was reported as
    # "internal error in plugin 'subprocess'"
    from corpuslint import cli

    def explode(*a, **k):
        subprocess.run(["true"], input="\udcff", text=True)

    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(cli, "run", explode)
    assert cli.main(["check", "--no-cache", "."]) == 2
    err = capsys.readouterr().err
    assert "internal error: UnicodeEncodeError" in err and "plugin" not in err


# -- user regexes with a timeout ---------------------------------------------------------


def test_catastrophic_custom_regex_times_out_with_one_finding(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".corpuslint.toml").write_text(
        "select = ['C', 'W']\n"
        "[custom-rules.evil]\nkind = 'existence'\npatterns = ['(a+)+$']\nnonword = true\n"
        "[custom-rules.ok]\nkind = 'existence'\ntokens = ['مسافة']\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("a" * 20000 + "b\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(BAD, encoding="utf-8")
    proc = run_cli("check", "--no-cache", "--format", "json", ".", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    got = [(d["path"], d["code"], d["rule"]) for d in data["diagnostics"]]
    evil = [g for g in got if g[2] == "evil"]
    assert len(evil) == 1 and evil[0][0] == "a.txt"
    assert "timed out" in data["diagnostics"][got.index(evil[0])]["message"] or "took over" in \
        data["diagnostics"][got.index(evil[0])]["message"]
    assert ("b.txt", "W101", "trailing-whitespace") in got  # the run went on
    assert sum(1 for g in got if g[2] == "ok") == 2


# -- fixes never glue words; applying N edits --------------------------------------------


def _fix_text(text: str, select=("W",), unsafe=False, tmp: Path | None = None) -> str:
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "t.txt"
        p.write_bytes(text.encode("utf-8"))
        config, registry = build_registry([d], table={"select": list(select), "cache": False})
        run([d], config, registry, fix=True, unsafe_fixes=unsafe)
        return p.read_bytes().decode("utf-8")


def test_zero_width_space_between_words_becomes_a_space():
    assert _fix_text("ذهب إلى\u200bقال الرجل\n") == "ذهب إلى قال الرجل\n"
    # a second unsafe pass over the result deletes no word
    once = _fix_text("ذهب إلى\u200bقال الرجل\n", select=("W", "S"), unsafe=True)
    assert once.split() == ["ذهب", "إلى", "قال", "الرجل"]
    assert _fix_text(once, select=("W", "S"), unsafe=True) == once
    # inside a word (soft hyphen) deleting stays right; in Thai (and Khmer, Lao, Myanmar,
    # Tibetan) the ZWSP is the word boundary, kept (tests/test_fresh14_kinds.py), and in a
    # run of them one stays
    assert _fix_text("co\u00adoperate now\n") == "cooperate now\n"
    assert _fix_text("ภาษา\u200bไทย\n") == "ภาษา\u200bไทย\n"
    assert _fix_text("ภาษา\u200b\u200bไทย\n") == "ภาษา\u200bไทย\n"
    # between Latin letters the space is an unsafe fix (the ZWSP was invisible there)
    assert _fix_text("hello\u200bworld\n") == "hello\u200bworld\n"
    assert _fix_text("hello\u200bworld\n", unsafe=True) == "hello world\n"


def _naive_apply(text: str, findings, unsafe: bool) -> tuple[str, int]:
    """The all-pairs algorithm: the reference semantics. A fix this run does not apply
    (unsafe, without ``unsafe``) still holds its edits' spans against later fixes that
    change a character inside them (fixk25: no safe fix destroys an unsafe repair's
    evidence); safe fixes that change the words together are held as ``_naive_keeps_words``
    judges them; whatever the order, no safe fix changes an unsafe fix's span, in both modes
    (glue41's ``_Evidence``; this text has no line break, so no whole-line deletion, conv29).
    A fix of independent edits (``Fix.independent``, fixe42) is one fix per edit, counted once
    if one of them applies."""
    from dataclasses import replace

    from corpuslint.engine import _changes_inside, _overlaps, _self_overlap, fixable
    from corpuslint.findings import Applicability

    evidence = [e for f in findings if f.fix is not None and f.fix.applicability is not Applicability.SAFE
                for e in f.fix.edits if 0 <= e.start <= e.end <= len(text)]
    parts = [(replace(f, fix=Fix((e,), f.fix.applicability)), k) if f.fix.independent else (f, k)
             for k, f in enumerate(findings) if f.fix is not None
             for e in (f.fix.edits if f.fix.independent else f.fix.edits[:1])]
    accepted, held = [], []  # (accepted: (edits, the finding's place))
    for f, k in sorted((p for p in parts if p[0].fix.edits),
                       key=lambda p: (min(e.start for e in p[0].fix.edits), p[0].code)):
        if any(not 0 <= e.start <= e.end <= len(text) for e in f.fix.edits):
            continue
        if f.fix.applicability is Applicability.SAFE and any(_changes_inside(e, u) for e in f.fix.edits
                                                             for u in evidence):
            continue
        if (any(_overlaps(e, a) for e in f.fix.edits for es, _ in accepted for a in es)
                or any(_changes_inside(e, h) for e in f.fix.edits for h in held) or _self_overlap(f.fix.edits)):
            continue
        if fixable(f, unsafe):
            accepted.append((f.fix.edits, k))
        else:
            held.extend(f.fix.edits)
    if not unsafe and not _naive_keeps_words(text, [e for es, _ in accepted for e in es]):
        # safe fixes keep the words (glue40): in order, a fix that deletes or replaces text is
        # kept only if its edits, with those kept before it and every fix that only inserts,
        # keep them (this text has no white space: every such edit is judged)
        kept = [(es, k) for es, k in accepted if all(e.start == e.end for e in es)]
        for es, k in accepted:
            if any(e.start < e.end for e in es) and _naive_keeps_words(
                    text, [e for d, _ in kept for e in d] + list(es)):
                kept.append((es, k))
        accepted = kept
    for e in sorted((e for es, _ in accepted for e in es), key=lambda e: (e.start, e.end), reverse=True):
        text = text[:e.start] + e.replacement + text[e.end:]
    return text, len({k for _, k in accepted})


def _naive_keeps_words(text: str, edits) -> bool:
    """Same word tokens with ``edits`` applied as with each deletion or replacement's old
    text, a token named by the places of its first and last characters (a character of
    ``text``, or edit k's replacement: -(k + 1)) and the edits it holds a character of."""
    from corpuslint.text.tokens import tokens

    def words(after: bool):
        chars, pos = [], 0
        for k, e in enumerate(sorted(edits, key=lambda e: (e.start, e.end))):
            chars += [(c, i) for i, c in enumerate(text[pos : e.start], pos)]
            chars += [(c, -(k + 1)) for c in (e.replacement if after or e.start == e.end else text[e.start : e.end])]
            pos = e.end
        chars += [(c, i) for i, c in enumerate(text[pos:], pos)]
        out, at = [], 0
        joined = "".join(c for c, _ in chars)
        for token in tokens(joined):
            at = joined.index(token, at)
            span = chars[at : at + len(token)]
            out.append((span[0][1], span[-1][1], frozenset(p for _, p in span if p < 0)))
            at += len(token)
        return out

    return words(False) == words(True)


def test_apply_fixes_matches_the_all_pairs_reference():
    from hypothesis import given, settings, strategies as st

    edit = st.builds(lambda a, n, r: (a, a + n, r), st.integers(0, 40), st.integers(0, 4), st.sampled_from(["", "x", " "]))

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.tuples(st.lists(edit, min_size=1, max_size=3), st.sampled_from(["W101", "W103", "A101"]),
                              st.booleans(), st.booleans()), max_size=25))
    def prop(specs):
        text = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ"
        found = [Finding(code=c, rule="r", family="f", severity=Severity.WARNING, message="", path="p", start=0,
                         end=0, fix=(Fix.safe if safe else Fix.unsafe)(*(Edit(*e) for e in es), independent=apart))
                 for es, c, safe, apart in specs]
        for unsafe in (False, True):
            assert apply_fixes(text, found, unsafe) == _naive_apply(text, found, unsafe)

    prop()


# -- huge lines ----------------------------------------------------------------------------


def test_huge_single_line_skips_per_word_rules_with_one_finding():
    text = ("كلمة عربية " * 100_000) + "نهاية\u00a0السطر \n"  # ~1.1 M characters on one line
    found = corpuslint.lint_text(text, "huge.txt", config={"cache": False})
    codes = [f.code for f in found]
    assert codes.count("F008") == 1
    note = found[codes.index("F008")]
    assert "line 1" in note.message and "D101" in note.message and note.severity is Severity.INFO
    assert "W101" in codes and "W102" in codes  # character scans still run
    assert not any(c[0] in "DQS" for c in codes)


def test_corpus_rule_fix_never_overrides_a_document_rule_fix():
    """S101 (a corpus rule) computed on «إلى\u200bقال» as one token proposes deleting it;
    W112 separates the two words. The document-rule fix wins where they overlap."""
    from corpuslint.document import Document
    from corpuslint.engine import Linter, fix_document

    config, registry = build_registry(["."], table={"select": ["W112", "S101"], "cache": False})
    linter = Linter(config, registry)
    text = "ذهب إلى\u200bقال الرجل\n"
    doc = Document("t.txt", text)
    w112 = [f for f in linter.check_document(doc) if f.code == "W112"]
    s101 = linter.rules["S101"]
    start, end = text.index("إلى"), text.index("قال") + 3
    slip = doc.finding(s101, start, end, "possible slip", fix=Fix.unsafe(Edit(start, end)))
    fixed, _ = fix_document(linter, doc, [slip] + w112, unsafe=True)
    assert fixed == "ذهب إلى قال الرجل\n"
