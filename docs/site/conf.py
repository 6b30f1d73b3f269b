# Sphinx configuration of the cloudai.control docs site, built by `python3 tools/dev.py docs`
# (tools/docsite.py): antsibull-docs writes the collection's pages, Sphinx renders them with this file.
# Started from `antsibull-docs sphinx-init --use-current`; changed: names, no intersphinx inventories
# (the build runs offline), no warning for references to Ansible's own docs that cannot be resolved then.

import os

import yaml

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'galaxy.yml')) as galaxy_file:
    galaxy = yaml.safe_load(galaxy_file)

project = 'cloudai.control'
copyright = 'cloudai.control contributors'

title = 'cloudai.control documentation'
html_short_title = 'cloudai.control'

extensions = ['sphinx.ext.autodoc', 'sphinx.ext.intersphinx', 'sphinx_antsibull_ext']

pygments_style = 'ansible'

highlight_language = 'YAML+Jinja'

html_theme = 'sphinx_ansible_theme'
html_theme_options = {
    'topbar_links': {'Repository': galaxy['repository'], 'Issues': galaxy['issues']},
    'documentation_home_url': galaxy['documentation'],
    'show_extranav': False,
    'show_rtd_ethical_ads': False,
}
html_show_sphinx = False
html_title = title

display_version = False

html_use_smartypants = True
html_use_modindex = False
html_use_index = False
html_copy_source = False

# Offline build: no inventories to fetch, so references into docs.ansible.com stay plain text.
intersphinx_mapping = {}
suppress_warnings = ['ref.ref']

default_role = 'any'

nitpicky = True
