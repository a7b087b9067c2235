"""`python -m simulator` runs the `calldojo` command."""

from simulator.cli import main

raise SystemExit(main())
