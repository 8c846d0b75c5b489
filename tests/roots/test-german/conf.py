# A congress in German, as 31C3 was: three days in Hamburg, three halls, talks until long after midnight.
extensions = ["myst_parser", "symposium"]
myst_enable_extensions = ["substitution"]
exclude_patterns = ["_build"]
project = "Kongress 2025"
language = "de"
html_baseurl = "https://kongress.example.org/"
symposium_date = "2025-12-27"
symposium_end_date = "2025-12-29"
symposium_timezone = "Europe/Berlin"
symposium_venue = "Congress Center Hamburg"
symposium_rooms = ["Saal 1", "Saal 2", "Saal G"]
symposium_day_change = "06:00"
symposium_max_gap_minutes = 900
