"""``python -m symposium new|check``, with ``_ext`` on the path (``tools/symposium.py`` puts it there)."""

from __future__ import annotations

import sys

from .cli.main import main

if __name__ == "__main__":
    sys.exit(main())
