"""The window's flows: each owns one thing the user does (saving and the disk, documents,
images, moves, git, health, search, export, theme, writing modes, recovery), built with the
collaborators it uses, wired by the composition root (ui/main_window.py, ui/flows/wiring.py).
No flow holds the window: what it needs of the window's behaviour comes as a callable or
through WindowHooks (tests/test_architecture.py checks it)."""
