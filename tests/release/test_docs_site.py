"""The docs site: antsibull-docs' lint passes, the site builds (the same build as `tools/dev.py docs`), every
module and role has a page that carries its own short description, the extra docs of docs/docsite are linked
from the index, headless Chromium renders the index as a styled page with text, and the script of the
emulator-for-CI page works as written against the installed collection."""

import html
import re
import sys
import textwrap

import pytest
import yaml
from PIL import Image

from release_helpers import (
    BIN, COLLECTION, COLLECTIONS_ROOT, FQCN, assert_ok, clean_env, emulator_env, module_documentation,
    module_names, role_names, role_short_description, run, runtime, shared_once, write_oci_config,
)

sys.path.insert(0, str(COLLECTION / "tools"))
import docsite  # noqa: E402  pylint: disable=wrong-import-position

PAGES = "collections/cloudai/control"


def text_of(path):
    """The visible text of an HTML page, whitespace collapsed."""
    source = re.sub(r"<(script|style)\b.*?</\1>", " ", path.read_text(), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", source)).split())


def extra_docs():
    sections = yaml.safe_load((COLLECTION / "docs" / "docsite" / "extra-docs.yml").read_text())["sections"]
    return [page for section in sections for page in section["toctree"]]


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    return shared_once(tmp_path_factory, "docs-site",
                       lambda dest: docsite.build(COLLECTION, BIN, COLLECTIONS_ROOT, dest)) / "html"


def test_antsibull_docs_lint_passes():
    docsite.lint(COLLECTION, BIN, COLLECTIONS_ROOT)


def test_every_module_has_a_page_with_its_description(site):
    for name in module_names():
        page = site / PAGES / ("%s_module.html" % name)
        assert page.is_file(), "no page for module %s" % name
        documentation = module_documentation(name)
        text = text_of(page)
        assert "%s.%s module" % (FQCN, name) in text and " ".join(documentation["short_description"].split()) in text
        assert all(option in text for option in documentation.get("options", {})), name
    for name in (runtime().get("plugin_routing") or {}).get("modules", {}):
        assert (site / PAGES / ("%s_module.html" % name)).is_file(), "no page for the redirect %s" % name


def test_every_role_has_a_page_with_its_description(site):
    assert role_names()
    for name in role_names():
        page = site / PAGES / ("%s_role.html" % name)
        assert page.is_file(), "no page for role %s" % name
        assert " ".join(role_short_description(name).split()) in text_of(page)


def test_the_index_links_the_extra_docs_and_the_collection_index(site):
    index = (site / "index.html").read_text()
    for page in extra_docs():
        path = site / PAGES / "docsite" / (page + ".html")
        assert path.is_file() and 'href="%s/docsite/%s.html"' % (PAGES, page) in index, page
        assert len(text_of(path)) > 1000, "%s is nearly empty" % page
    assert 'href="%s/index.html"' % PAGES in index
    assert {"oci_getting_started", "huaweicloud_getting_started", "emulator_ci"} <= set(extra_docs())


def test_headless_chromium_renders_the_index_as_a_readable_page(site, tmp_path):
    png = tmp_path / "index.png"
    dom = docsite.render(site / "index.html", tmp_path / "chromium", png, size=(1280, 900))
    assert "<title>cloudai.control" in dom and "Getting started with OCI" in dom
    image = Image.open(str(png)).convert("L")
    assert image.size == (1280, 900)
    sidebar = image.crop((0, 150, 280, 900)).histogram()
    content = image.crop((360, 150, 1260, 900)).histogram()

    def mean(histogram):
        return sum(value * count for value, count in enumerate(histogram)) / sum(histogram)

    # the theme's stylesheet was applied: a dark navigation column beside a light page
    assert mean(sidebar) < 110 and mean(content) > 200
    # and the page has text: dark glyph pixels on the light content area, in many shades (anti-aliasing)
    assert 0.01 < sum(content[:128]) / sum(content) < 0.4
    assert len([count for count in content if count]) > 50


def first_playbook(page):
    """The first YAML block after the "First playbook" heading of an extra docs page."""
    text = (COLLECTION / "docs" / "docsite" / "rst" / (page + ".rst")).read_text()
    match = re.search(r"^First playbook\n-+\n.*?^\.\. code-block:: yaml\+jinja\n\n((?:(?:    [^\n]*)?\n)+)", text, re.M | re.S)
    assert match, "%s has no first playbook" % page
    return yaml.safe_load(textwrap.dedent(match.group(1)))


@pytest.mark.parametrize("page", [page for page in extra_docs() if page.endswith("_getting_started")])
def test_the_first_playbook_of_each_getting_started_page_runs_and_is_idempotent(page, emulator, tmp_path):
    plays = first_playbook(page)
    used = sorted({key[len(FQCN) + 1:] for play in plays for task in play["tasks"] for key in task
                   if key.startswith(FQCN + ".")})
    assert used, "the first playbook of %s uses no module of the collection" % page
    missing = [name for name in used if name not in module_names()]
    if missing:
        pytest.skip("%s uses modules that do not exist yet: %s" % (page, ", ".join(missing)))
    playbook = tmp_path / "first.yml"
    playbook.write_text(yaml.safe_dump(plays, sort_keys=False))
    env = clean_env(tmp_path, **emulator_env(emulator.url, write_oci_config(tmp_path)))
    first = assert_ok(run([BIN / "ansible-playbook", playbook], env=env, cwd=tmp_path))
    again = assert_ok(run([BIN / "ansible-playbook", playbook], env=env, cwd=tmp_path))
    assert re.search(r"localhost\s*: ok=\d+\s+changed=[1-9]", first), first
    assert re.search(r"localhost\s*: ok=\d+\s+changed=0\s+unreachable=0\s+failed=0", again), again


def ci_script():
    """The first bash block of the emulator-for-CI page."""
    text = (COLLECTION / "docs" / "docsite" / "rst" / "emulator_ci.rst").read_text()
    match = re.search(r"^\.\. code-block:: bash\n\n((?:(?:    .*)?\n)+)", text, re.M)
    assert match, "emulator_ci.rst has no bash block"
    return textwrap.dedent(match.group(1))


IDEMPOTENT_PLAY = [{"hosts": "localhost", "gather_facts": False, "tasks": [{
    "name": "A hosting cluster", "%s.genai_dedicated_ai_cluster" % FQCN: {
        "compartment_id": "ocid1.compartment.oc1..aaaaaaaaciexample", "display_name": "ci-cluster",
        "type": "HOSTING", "unit_shape": "LARGE_COHERE_V2", "unit_count": 1}}, {
    # a job module: its second run is the replay of its first start, which changes nothing
    "name": "An object to read", "ansible.builtin.uri": {
        "url": "{{ lookup('ansible.builtin.env', 'CLOUDAI_OCI_ENDPOINT') }}/_emulator/objects", "method": "PUT",
        "body_format": "json", "body": {"objects": [{"namespace": "ns", "bucket": "docs", "name": "a.pdf",
                                                     "text": "%PDF-1.4 /Type /Page"}]}}}, {
    "name": "A document job", "%s.vision_document_job" % FQCN: {
        "compartment_id": "ocid1.compartment.oc1..aaaaaaaaciexample", "display_name": "ci-job", "wait": False,
        "input_location": {"object_locations": [{"namespace_name": "ns", "bucket_name": "docs", "object_name": "a.pdf"}]},
        "output_location": {"namespace_name": "ns", "bucket_name": "docs", "prefix": "out"},
        "features": [{"feature_type": "TEXT_DETECTION"}]}}]}]


def test_the_emulator_ci_script_of_the_docs_works_as_written(built_collection, tmp_path):
    script = tmp_path / "emulator-ci.sh"
    script.write_text(ci_script())
    playbook = tmp_path / "site.yml"
    playbook.write_text(yaml.safe_dump(IDEMPOTENT_PLAY, sort_keys=False))
    env = clean_env(tmp_path, collections_root=built_collection[1])
    output = assert_ok(run(["bash", script, playbook], env=env, cwd=tmp_path))
    assert len(re.findall(r"localhost\s*: ok=\d+\s+changed=2\s", output)) == 1, output
    assert len(re.findall(r"localhost\s*: ok=\d+\s+changed=0\s", output)) == 1, output
    # a playbook that creates a new cluster on every run is refused
    task = IDEMPOTENT_PLAY[0]["tasks"][0]["%s.genai_dedicated_ai_cluster" % FQCN]
    task = dict(task, display_name="ci-{{ 999999999 | random }}", wait=False)
    playbook.write_text(yaml.safe_dump([dict(IDEMPOTENT_PLAY[0], tasks=[{
        "name": "A new cluster", "%s.genai_dedicated_ai_cluster" % FQCN: task}])], sort_keys=False))
    refused = run(["bash", script, playbook], env=env, cwd=tmp_path)
    assert refused.returncode != 0 and "the second run sent POST /20231130/dedicatedAiClusters" in refused.stdout
