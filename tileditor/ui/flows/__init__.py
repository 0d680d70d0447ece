"""The window's flows: each owns one thing the user does (saving and the disk, documents,
images, moves, git, health, search, export, theme, writing modes, recovery), built with the
collaborators it uses, wired by the composition root (ui/main_window.py)."""
