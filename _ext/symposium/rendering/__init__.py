"""The placeholders of every page made into content at ``doctree-resolved``, one module per
listing or header (``resolve`` dispatches), with the helpers they share in ``page_context``."""
