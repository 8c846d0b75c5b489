# A German site for the extension's words (tests/build/test_words_de.py, tests/browser/test_words_browser.py):
# talks, a session with a chair, items, a cancelled talk, a slot to be announced, slides and a video.
extensions = ["myst_parser", "symposium"]
exclude_patterns = ["_build"]
language = "de"
symposium_date = "2026-06-02"
symposium_timezone = "Europe/Berlin"
symposium_room = "Saal 1"
symposium_rooms = ["Saal 1", "Saal 2"]
symposium_tracks = ["Daten"]
project = "Testsymposium 2026"
html_title = "Testsymposium 2026"  # the theme's header, on a phone: the default adds "Dokumentation"
html_baseurl = "https://symposium.example.org/"
html_static_path = ["_static"]
