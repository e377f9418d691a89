"""The command line's commands, by area; gridkeeper/cli.py parses and dispatches to them."""
