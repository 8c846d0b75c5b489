# The extension's package is on sys.path through pyproject.toml's pytest `pythonpath`.
extensions = ["myst_parser", "symposium"]
exclude_patterns = ["_build"]
symposium_date = "2025-11-21"
symposium_timezone = "America/Chicago"
symposium_room = "Room 1"
project = "Test Symposium 2025"
html_baseurl = "https://symposium.example.org/"
