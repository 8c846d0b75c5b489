"""A program from elsewhere: a spreadsheet's CSV (:mod:`.spreadsheet`), or a frab/pretalx
schedule, XML or JSON (:mod:`.frab`).

Each is read into one :class:`.program.ImportedProgram` (talks, items without a page, sessions
and speakers, each with the place in the file it came from), which ``symposium import``
(``cli/importing.py``) writes as pages. Values are read as the site reads front-matter
(:func:`symposium.model.times.parse_time`, the talk and item types (:mod:`.item_types` maps the
files' words to them), slugs by :func:`symposium.model.entities.slugify`; one page per person,
:mod:`.people`); every mistake is an :class:`.program.ImportProblem` located at the file's line
(``program.csv:14: end 10:00 is before start 10:30``), never an exception. Nothing here knows
about Sphinx or writes a file.
"""
