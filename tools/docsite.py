"""The collection's HTML docs site: built from the modules' and roles' own documentation and the extra docs in
docs/docsite (antsibull-docs writes the RST, Sphinx renders it with docs/site/conf.py), checked, and the index
rendered in headless Chromium. Used by `tools/dev.py docs` and by tests/release/test_docs_site.py.
"""

import os
import shutil
import subprocess
from pathlib import Path

FQCN = "cloudai.control"
CHROMIUM_NAMES = ("chromium", "chromium-browser")
# Chromium flags for a machine without a display or network (and as root).
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars", "--force-device-scale-factor=1")


class DocsError(Exception):
    pass


def _run(cmd, env, cwd=None, output_only=False):
    """Run a command; return what it printed (only its standard output with ``output_only``)."""
    process = subprocess.run([str(part) for part in cmd], env=env, cwd=str(cwd) if cwd else None, check=False,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE if output_only else subprocess.STDOUT,
                             text=True)
    if process.returncode != 0:
        raise DocsError("%s exited with %d:\n%s" % (Path(str(cmd[0])).name, process.returncode,
                                                    (process.stdout + (process.stderr or ""))[-8000:]))
    return process.stdout


def tool_env(bin_dir, collections_root):
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    env["PATH"] = str(bin_dir) + os.pathsep + env.get("PATH", "")
    env["ANSIBLE_COLLECTIONS_PATH"] = str(collections_root)
    return env


def lint(collection, bin_dir, collections_root):
    """antsibull-docs' own checks of the plugin and role docs and the extra docs (references, markup, RST)."""
    return _run([Path(bin_dir) / "antsibull-docs", "lint-collection-docs", "--plugin-docs", "."],
                tool_env(bin_dir, collections_root), cwd=collection)


def build(collection, bin_dir, collections_root, dest):
    """Build the site into ``dest`` (its index is ``dest/html/index.html``), from scratch."""
    collection, dest = Path(collection), Path(dest)
    site = collection / "docs" / "site"
    shutil.rmtree(str(dest), ignore_errors=True)
    rst = dest / "rst"
    rst.mkdir(parents=True)
    rst.chmod(0o700)  # antsibull-docs refuses a destination others can write to
    env = tool_env(bin_dir, collections_root)
    _run([Path(bin_dir) / "antsibull-docs", "--config-file", site / "antsibull-docs.cfg", "collection",
          "--use-current", "--dest-dir", rst, FQCN], env)
    shutil.copyfile(str(site / "index.rst"), str(rst / "index.rst"))
    _run([Path(bin_dir) / "sphinx-build", "-M", "html", rst, dest, "-c", site, "-W", "--keep-going", "-q"], env)
    return dest / "html" / "index.html"


def find_chromium():
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    return None


def ensure_chromium():
    """Debian's chromium, installed with apt-get when it is missing and this runs as root."""
    path = find_chromium()
    if path:
        return path
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise DocsError("headless Chromium is needed for the screenshot: install it (Debian: apt-get install chromium)")
    print("Installing Debian's chromium for the docs screenshot (apt-get)", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    install = ["apt-get", "install", "-y", "-q", "--no-install-recommends", "chromium"]
    if subprocess.run(install, env=env, check=False, stdout=subprocess.DEVNULL).returncode != 0:
        _run(["apt-get", "update", "-q"], env)
        _run(install, env)
    path = find_chromium()
    if not path:
        raise DocsError("apt-get installed chromium but no chromium command is on PATH")
    return path


def _chromium(args, profile):
    return [ensure_chromium()] + list(CHROMIUM_FLAGS) + ["--user-data-dir=%s" % profile] + list(args)


def render(page, work_dir, png=None, size=(1280, 900)):
    """The DOM of ``page`` after Chromium has loaded it, and a screenshot into ``png`` if given."""
    work_dir = Path(work_dir)
    work_dir.mkdir(parents=True, exist_ok=True)
    url = Path(page).resolve().as_uri()
    dom = _run(_chromium(["--dump-dom", url], work_dir / "profile-dom"), dict(os.environ), output_only=True)
    if png:
        _run(_chromium(["--window-size=%d,%d" % size, "--screenshot=%s" % Path(png).resolve(), url],
                       work_dir / "profile-shot"), dict(os.environ))
        if not Path(png).is_file():
            raise DocsError("Chromium wrote no screenshot to %s" % png)
    return dom
