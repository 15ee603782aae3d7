"""``python -m sahyog``: the command line (see :mod:`sahyog.cli`)."""

from .cli import main

raise SystemExit(main())
