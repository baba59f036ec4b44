"""``python -m corpuslint`` and the ``corpuslint`` command ([project.scripts] in pyproject.toml)."""

import gc
import os
import sys


def console() -> int:
    """The command line in its own process. The cyclic garbage collector is paused
    before the CLI's modules load, and OpenBLAS given one thread before anything can
    import numpy (``cli._own_process`` says why; the CLI resumes the collector once they
    and the plugins are loaded)."""
    paused = gc.isenabled()
    gc.disable()
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from . import cli

    cli._collector_paused = paused
    return cli.main()


if __name__ == "__main__":
    sys.exit(console())
