#!/usr/bin/env python3
"""The site's commands without installing anything: ``python tools/symposium.py new|check ...``.

The same as ``PYTHONPATH=_ext python -m symposium ...``: the extension lives in ``_ext/``.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "_ext"))

from symposium.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
