"""One warning when the site still names another event: ``symposium.identity``.

At ``builder-inited``: the repository (``html_context``'s ``github_user``/``github_repo``, from
``repository_url``) and the site's address (``html_baseurl`` on GitHub or GitLab Pages) against
the repository's ``origin`` remote, and the logo, favicon and social card against the event's
names. Without git, a remote, or a remote that is not a web host (a clone of a local path, as in
CI), the address is not compared; nothing here stops a build.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

from ..model.identity import foreign_names, pages_owner, png_title, repository_of
from .site_values import site_of

logger = logging.getLogger(__name__)

#: where html_context names the repository, for pydata-sphinx-theme's "Edit" button
HOSTS = {"github": "github.com", "gitlab": "gitlab.com", "bitbucket": "bitbucket.org"}


def origin_remote(srcdir: Path) -> str:
    try:
        done = subprocess.run(["git", "remote", "get-url", "origin"], cwd=srcdir, capture_output=True, text=True,
                              timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def configured_repository(context: dict) -> tuple[str, str] | None:
    for key, host in HOSTS.items():
        user, repo = context.get(f"{key}_user"), context.get(f"{key}_repo")
        if isinstance(user, str) and isinstance(repo, str) and user and repo:
            return host, f"{user}/{repo}".lower()
    return None


def svg_names(path: Path) -> str:
    """The words an SVG shows or says: its ``<title>`` and ``<text>``."""
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
    found = re.findall(r"<(title|text)\b[^>]*>(.*?)</\1>", text, re.S)
    return " ".join(re.sub(r"<[^>]+>", "", body) for _, body in found)


def identity_problems(app: Sphinx) -> list[str]:
    config = app.config
    srcdir = Path(app.srcdir)
    problems: list[str] = []
    remote = repository_of(origin_remote(srcdir))
    if remote is not None:
        configured = configured_repository(config.html_context or {})
        if configured is not None and configured != remote:
            problems.append(f"the 'Edit' links open https://{configured[0]}/{configured[1]} (repository_url), but "
                            f"this repository's origin is https://{remote[0]}/{remote[1]}")
        # the series' address, as conf.py states it (html_baseurl adds the edition's folder)
        address = str(config.symposium_url or config.html_baseurl or "")
        owner = pages_owner(address) if not os.environ.get("READTHEDOCS_CANONICAL_URL") else None
        if owner is not None and owner[0] == remote[0] and owner[1] != remote[1].split("/")[0]:
            problems.append(f"the site's address {address} (symposium_url) is {owner[1]}'s pages, but this "
                            f"repository belongs to {remote[1].split('/')[0]}")
    site = site_of(config)
    own = [site.short_name, site.name, site.acronym,
           str((config.symposium_colocated_with or {}).get("name", ""))]
    logo = (config.html_theme_options or {}).get("logo", {}) if isinstance(config.html_theme_options, dict) else {}
    images = [value for key, value in (logo.items() if isinstance(logo, dict) else ())
              if key.startswith("image") and isinstance(value, str)]
    if isinstance(config.html_favicon, str):
        images.append(config.html_favicon)
    for image in dict.fromkeys(images):
        if image.endswith(".svg") and (others := foreign_names(svg_names(srcdir / image), own)):
            problems.append(f"{image} names {', '.join(others)}")
    for key in ("alt_text",):
        if isinstance(logo, dict) and isinstance(logo.get(key), str) and (others := foreign_names(logo[key], own)):
            problems.append(f"the logo's alt text names {', '.join(others)}")
    card = getattr(config, "ogp_image", None)
    if isinstance(card, str) and card.endswith(".png"):
        try:
            title = png_title((srcdir / card).read_bytes())
        except OSError:
            title = None
        if title and (others := foreign_names(title, own)):
            problems.append(f"the social card {card} shows {title!r}")
    alt = getattr(config, "ogp_image_alt", None)
    if isinstance(alt, str) and (others := foreign_names(alt, own)):
        problems.append(f"the social card's alternative text (ogp_image_alt) names {', '.join(others)}")
    return problems


def check_identity(app: Sphinx) -> None:
    """``builder-inited``: what names another event, in one warning."""
    problems = identity_problems(app)
    if problems:
        logger.warning(
            "conf.py: this site names another event: %s; expected the names, address and repository of conf.py's event "
            "block (run `python tools/symposium.py init` for a new event, or suppress_warnings = "
            "['symposium.identity'] if this is meant)", "; ".join(problems),
            type="symposium", subtype="identity",
        )
