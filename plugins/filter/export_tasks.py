# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
name: export_tasks
short_description: Turn what the info modules found into tasks that recreate it
version_added: 0.1.0
description:
  - Takes the items that the C(_info) modules returned, keyed by the name of the resource module that manages them,
    and gives one task per live item that creates it again with that module, in an order where each resource comes
    after those it refers to (by name within one module).
  - Give the items as the C(_info) module returns them by O(cloudai.control.genai_model_info#module:id), since some
    services' lists give a summary that lacks options (a Vision project's description).
  - Each task's options are the item without its read-only keys (an item of an C(_info) module is valid arguments of
    its resource module) and without its id. An id of another exported resource (the cluster of an endpoint, the
    project of a Vision model, the workspace, model and version of a Fabric endpoint) becomes a reference to what the
    task that creates it registers, so the tasks work in an empty compartment or workspace; other ids (base models)
    are kept.
  - A Fabric model is recreated with its current version only. Tags in the namespaces the service owns are left
    out, and so are secrets the service never returns (the access token of a model imported from Hugging Face).
  - The playbook C(cloudai.control.export) uses it; see the collection's README.
author:
  - cloudai.control developers (@cloudai)
positional: _input
options:
  _input:
    description:
      - Resource module name (such as V(genai_endpoint)) -> the list its C(_info) module returned.
    type: dict
    required: true
'''

EXAMPLES = r'''
- name: Tasks that recreate the Vision projects found
  ansible.builtin.set_fact:
    tasks: "{{ {'vision_project': found.projects} | cloudai.control.export_tasks }}"
'''

RETURN = r'''
_value:
  description: One task per live resource, as a dict (C(name), the module's fully qualified name with its options,
    C(register)), ready to be written as a playbook with P(ansible.builtin.to_nice_yaml#filter).
  type: list
  elements: dict
'''

from ansible.errors import AnsibleFilterError
from ansible.utils.unsafe_proxy import wrap_var

from ansible_collections.cloudai.control.plugins.module_utils import fabric, genai, vision

# resource module -> its spec, in an order where each resource comes after those it may refer to
SPECS = (
    ("genai_dedicated_ai_cluster", genai.DEDICATED_AI_CLUSTER),
    ("genai_imported_model", genai.IMPORTED_MODEL),
    ("genai_model", genai.MODEL),
    ("genai_endpoint", genai.ENDPOINT),
    ("vision_project", vision.PROJECT),
    ("vision_model", vision.MODEL),
    ("fabric_workspace", fabric.WORKSPACE),
    ("fabric_model", fabric.MODEL),
    ("fabric_endpoint", fabric.ENDPOINT),
)
GONE = ("DELETING", "DELETED", "FAILED", "CREATE_FAILED", "DELETE_FAILED")


def export_tasks(found):
    if not isinstance(found, dict) or any(name not in dict(SPECS) for name in found):
        raise AnsibleFilterError("export_tasks takes a dict of resource module names (%s) to info module results"
                                 % ", ".join(name for name, _spec in SPECS))
    tasks, references = [], {}
    for name, spec in SPECS:
        items = sorted(found.get(name) or [], key=lambda item: (str(item.get(spec.name[0])), item["id"]))
        for index, item in enumerate(items):
            if spec.lifecycle.state(item) in GONE:
                continue
            register = "export_%s_%d" % (name, index + 1)
            options = dict((key, value) for key, value in item.items()
                           if key not in spec.read_only and key != "id" and value is not None)
            for wire in ("defined_tags",):
                if isinstance(options.get(wire), dict):
                    options[wire] = dict((namespace, tags) for namespace, tags in options[wire].items()
                                         if namespace not in spec.protected_tag_namespaces)
            if name == "fabric_model":
                current = options.pop("current_version", None) or {}
                options["version"] = dict((key, current[key]) for key in ("name", "description", "config")
                                          if current.get(key) not in (None, ""))
                if current.get("id"):
                    references[current["id"]] = "{{ %s.model.current_version.id }}" % register
            tasks.append({"name": "%s %s" % (spec.label, item.get(spec.name[0])),
                          "cloudai.control." + name: refer(options, references), "register": register})
            references[item["id"]] = "{{ %s.%s.id }}" % (register, spec.kind)
    return wrap_var(tasks)  # the references are for the exported playbook: never templated while exporting


def refer(value, references):
    """``value`` with each string that is the id of an exported resource replaced by the reference to it, and the keys
    of its dicts sorted (services answer in no fixed order)."""
    if isinstance(value, dict):
        return dict((key, refer(value[key], references)) for key in sorted(value))
    if isinstance(value, list):
        return [refer(item, references) for item in value]
    return references.get(value, value) if isinstance(value, str) else value


class FilterModule(object):
    def filters(self):
        return {"export_tasks": export_tasks}
