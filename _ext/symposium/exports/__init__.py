"""What calendars and conference apps read: ``program.ics``, a calendar per talk, and the frab
schedule (``schedule.json``, ``schedule.xml``), written at ``build-finished`` by ``writer``.

``addresses`` says where the files are and which builders write them, for the pages that link
to them; the encoders (``ics``, ``frab``) take an ``ExportSite`` and need no Sphinx.
"""
