"""Project tooling: rendering, checks and course assembly (run with python -m tools.<name>)."""
