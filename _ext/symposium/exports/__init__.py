"""What calendars, conference apps, citation managers and feed readers read: ``program.ics`` and a
calendar per talk and speaker, the frab schedule (``schedule.json``, ``schedule.xml``), each talk's
citation (``.bib``, ``.csl.json``) and the change feed (``changes.atom``), written at
``build-finished`` by ``writer``.

``addresses`` says where the files are and which builders write them, for the pages that link
to them; ``site_data`` makes the one ``ExportSite`` (``site_view``) that every encoder takes. The
encoders (``ics``, ``frab``, ``citations``, ``feed``) reach no Sphinx: their words come from the
site's ``say`` (tests/unit/test_layers.py holds them to it).
"""
