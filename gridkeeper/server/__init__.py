"""The central sync server (issue 19): an ASGI app that stores an office's sealed files and hands them
out in order. Never imports Qt or the UI; only the CLI imports it. Design: architecture.md, "The sync
server"."""
