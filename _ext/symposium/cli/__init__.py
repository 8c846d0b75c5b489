"""The contributors' commands: ``symposium check`` (front-matter as the build checks it) and
``symposium new`` (a page with its front-matter filled in)."""
