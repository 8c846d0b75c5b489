# A three-day conference in four rooms, with sessions, chairs and tracks.
extensions = ["myst_parser", "symposium"]
exclude_patterns = ["_build"]
project = "Workflows Conference 2026"
html_baseurl = "https://conference.example.org/"
symposium_date = "2026-06-02"
symposium_end_date = "2026-06-04"
symposium_timezone = "Europe/Berlin"
symposium_venue = "Congress Centre, Hamburg, Germany"
symposium_rooms = ["Hall A", "Hall B", "Room 1", "Room 2"]
symposium_tracks = ["AI", "Workflows"]
symposium_day_change = "04:00"
symposium_max_gap_minutes = 600
