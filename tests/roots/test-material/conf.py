# Talks with slides and videos on each kind of host, one that must not be recorded, and a
# materials page. The browser tests build it with the site's theme (html_theme override).
extensions = ["myst_parser", "symposium"]
exclude_patterns = ["_build"]
project = "Media 2025"  # short: the theme's navbar shows it on a 390 px phone
html_baseurl = "https://material.example.org/"
html_static_path = ["_static"]
symposium_date = "2025-11-21"
symposium_timezone = "America/Chicago"
symposium_room = "Room 1"
