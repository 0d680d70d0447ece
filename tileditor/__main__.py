"""Entry point: `tileditor` with a verb runs the command line, without one opens the window."""

from tileditor.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
