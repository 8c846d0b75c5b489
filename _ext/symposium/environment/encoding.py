"""Pages the build cannot decode: one located warning each, and the rest of the site built.

Sphinx reads a page with ``Path.read_text`` and stops the whole build with a
``UnicodeDecodeError`` traceback when one file is not in ``source_encoding``. Before
anything is read (``env-before-read-docs``), each page to read is decoded here; a page
that does not decode is warned about at the line of its first bad byte and left out of
this build, as if it were not there: it is not read, not written, and no toctree
(``:glob:`` included) lists it. It comes back once it is saved as UTF-8.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from ..model.sources import SourceEncodingError, decode_source

logger = logging.getLogger(__name__)


def leave_out_undecodable(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Drop from ``docnames`` (and from the site) each page whose bytes do not decode."""
    encoding = env.settings.get("input_encoding") or app.config.source_encoding
    for docname in list(docnames):
        path = env.doc2path(docname)
        try:
            decode_source(path.read_bytes(), encoding)
        except OSError:
            continue  # Sphinx says what is wrong with a file it cannot open
        except SourceEncodingError as err:
            logger.warning(str(err), type="symposium", subtype="encoding", location=(docname, err.line))
            docnames.remove(docname)
            if docname in env.all_docs:
                # read before, when it was still text: forget what it said
                app.events.emit("env-purge-doc", env, docname)
                env.clear_doc(docname)
            env.found_docs.discard(docname)
