"""`python -m council ...` is the `council` command."""

from council.cli.main import main

main()
