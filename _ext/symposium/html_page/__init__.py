"""What each HTML page gets beyond its body: its description, JSON-LD, citation tags and feed link
in the head, the attendee scripts and styles (``static/``), the lean page template
(``templates/``) and its navigation, the embeddable program, and what the site gets as a whole:
the sitemap, and the offline copy (web app manifest and service worker)."""
