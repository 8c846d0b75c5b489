"""The placeholders of every page made into content at ``doctree-resolved``: one registry of
their kinds (``placeholders``), one module per listing or header, and the helpers they share
(``page_context``, ``program_parts``)."""
