# A one-day workshop in two rooms with a poster session, a demo and types of its own
# (symposium_types): posters with boards, a talk type and an entry type the site adds.
extensions = ["myst_parser", "symposium"]
exclude_patterns = ["_build"]
project = "Engines Workshop 2026"
html_title = "Engines 2026"  # short enough for the theme's header on a phone
html_baseurl = "https://engines.example.org/"
symposium_date = "2026-09-15"
symposium_timezone = "Europe/Rome"
symposium_venue = "Palazzo delle Macchine, Turin, Italy"
symposium_rooms = ["Aula Magna", "Foyer"]
symposium_types = {
    "spotlight": {"label": "Spotlight Talk", "class": "keynote"},
    "hackathon": {"label": "Hackathon", "class": "social", "page": False},
    "poster": {"label": "Poster"},
}
