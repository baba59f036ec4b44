"""``python -m corpuslint`` and the ``corpuslint`` command ([project.scripts] in pyproject.toml)."""

import gc
import sys


def console() -> int:
    """The command line in its own process. The cyclic garbage collector is paused
    before the CLI's modules load (``cli._own_process`` says why; the CLI resumes it
    once they and the plugins are loaded)."""
    paused = gc.isenabled()
    gc.disable()
    from . import cli

    cli._collector_paused = paused
    return cli.main()


if __name__ == "__main__":
    sys.exit(console())
