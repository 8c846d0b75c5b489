"""The data layer: front-matter read into records (``entities.py``), and the checks across pages. Pure Python.

No Sphinx or docutils import here (``tests/unit/test_layers.py`` keeps it so): the build
and ``symposium check`` read and check every page through this one copy, and its tests
run without a build.
"""
