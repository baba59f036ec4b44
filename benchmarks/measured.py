"""A command's own CPU seconds and peak RSS, whatever the benchmark holds when it runs it.

    proc = measured.spawn(cmd, cwd=folder, stdout=fh)   # subprocess.Popen's arguments
    status, usage = measured.wait(proc)                  # os.wait4's, for the command

On Linux a process's peak RSS (``ru_maxrss``) has a floor set at exec: the high-water
mark of the memory it replaced, which for a child that ``subprocess`` spawned (vfork,
then exec) is its parent's. A benchmark that has generated a corpus or loaded a report
holds hundreds of MB, and every command it spawned reported at least its peak
(``bench_records.py --shape web``: 174 MB for a run whose own peak was 66 MB; a parent
of 400 MB made ``python -c pass`` report 413 MB). So the command is spawned by a small
launcher (``python -S``, ~10 MB), which waits for it and writes its exit status and
``os.wait4`` usage (children included, as before) back through a pipe: the peak is
the command's own, floored at the launcher's ~10 MB at most. CPU seconds are
unchanged by this (the launcher's are not counted).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from types import SimpleNamespace

_LAUNCHER = """
import json, os, subprocess, sys
fd = int(sys.argv[1])
proc = subprocess.Popen(sys.argv[2:])
_, status, ru = os.wait4(proc.pid, 0)
with os.fdopen(fd, "w") as out:
    json.dump({"status": status, "ru_utime": ru.ru_utime, "ru_stime": ru.ru_stime, "ru_maxrss": ru.ru_maxrss}, out)
"""


def spawn(cmd: list[str], **popen) -> subprocess.Popen:
    """``subprocess.Popen(cmd, **popen)`` through the launcher (``stdin``, ``stdout``,
    ``stderr``, ``cwd``, ``env`` reach the command); read its figures with ``wait``."""
    read, write = os.pipe()
    try:
        proc = subprocess.Popen([sys.executable, "-S", "-c", _LAUNCHER, str(write), *cmd], pass_fds=(write,), **popen)
    except BaseException:
        os.close(read)
        raise
    finally:
        os.close(write)
    proc._measured_fd = read  # (read by ``wait``)
    return proc


def wait(proc: subprocess.Popen) -> tuple[int, SimpleNamespace]:
    """(wait status, usage) of the command ``spawn`` started: ``usage.ru_utime``,
    ``ru_stime`` (seconds) and ``ru_maxrss`` (KB), as ``os.wait4`` gives them. A launcher
    that died without a report (killed) gives its own status and zero usage."""
    with os.fdopen(proc._measured_fd) as fh:
        text = fh.read()
    proc.wait()
    if not text:
        return proc.returncode << 8 if proc.returncode >= 0 else -proc.returncode, SimpleNamespace(
            ru_utime=0.0, ru_stime=0.0, ru_maxrss=0)
    got = json.loads(text)
    return got.pop("status"), SimpleNamespace(**got)
