"""The contributors' commands: ``symposium check`` (front-matter as the build checks it),
``symposium new`` (a page with its front-matter filled in), ``symposium init`` (or ``new event``:
a new site) and ``symposium import`` (a program from CSV or a frab/pretalx schedule)."""
