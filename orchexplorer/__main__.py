"""`python -m orchexplorer`."""

from orchexplorer.cli import main

raise SystemExit(main())
