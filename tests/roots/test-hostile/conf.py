# Text that a speaker or a submitter types, written to do harm: every title, name, affiliation, label,
# room, track, session and link title holds markup, a script, quotes or control characters.
# Built with the site's theme and its header navigation listing every talk (as `symposium init`
# writes the root toctree), so the theme's header shows each title. Nothing in it may run or
# appear as an element in a browser (tests/browser/test_hostile_browser.py).
extensions = ["myst_parser", "sphinxext.opengraph", "symposium"]
exclude_patterns = ["_build"]
project = "Hostile Symposium 2025"
html_baseurl = "https://hostile.example.org/"
html_theme = "pydata_sphinx_theme"
html_context = {"default_mode": "light"}
myst_enable_extensions = ["colon_fence", "substitution", "attrs_inline", "attrs_block"]
ogp_site_url = html_baseurl
symposium_date = "2025-11-21"
symposium_timezone = "America/Chicago"
symposium_room = "Room <b data-pwned>1</b>"
symposium_rooms = ["Room <b data-pwned>1</b>", "Hall \"><img src=x data-pwned onerror=document.documentElement.dataset.pwned=room>"]
symposium_tracks = ["AI <script>document.documentElement.dataset.pwned='track'</script>", "Workflows\u00a0& Co"]
symposium_max_gap_minutes = 300
