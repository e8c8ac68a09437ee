"""The `council` command line: each command opens what it needs and calls one core function."""
