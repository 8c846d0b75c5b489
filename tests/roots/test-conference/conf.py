# A three-day conference in four rooms, with sessions, chairs and tracks.
extensions = ["myst_parser", "symposium"]
exclude_patterns = ["_build"]
project = "Workflows Conference 2026"
html_baseurl = "https://conference.example.org/"
symposium_date = "2026-06-02"
symposium_end_date = "2026-06-04"
symposium_timezone = "Europe/Berlin"
symposium_venue = "Congress Centre, Hamburg, Germany"
symposium_venue_geo = (53.5614, 9.9867)
# rooms as records: the dict's order is the program's column order
symposium_rooms = {
    "Hall A": {"description": "Ground floor, Building 1", "map": "https://maps.example.org/congress-centre/hall-a",
               "capacity": 300, "stream": "https://stream.example.org/hall-a"},
    "Hall B": {"description": "First floor, Building 1", "capacity": 120},
    "Room 1": {},
    "Room 2": None,
}
symposium_tracks = ["AI", "Workflows"]
symposium_day_change = "04:00"
symposium_max_gap_minutes = 600
