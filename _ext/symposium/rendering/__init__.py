"""The placeholders of every page made into content at ``doctree-resolved``: each kind's
renderer and the page's one pass (``placeholders``), one module per listing or header, and the
helpers they share (``page_context``, ``program_parts``)."""
