"""What each HTML page gets beyond its body: its description and JSON-LD in the head, the
attendee scripts and styles (``static/``), and the lean page template (``templates/``)."""
