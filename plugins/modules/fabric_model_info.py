#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: fabric_model_info
short_description: List or get Huawei Cloud DataArts Fabric models, with their versions
version_added: 0.1.0
description:
  - Gets one model of a workspace by O(id), or lists the workspace's models with the service's filters and sort
    order, across every page of results; optionally with each model's versions.
  - Runs in check mode. The result is always a list.
author:
  - cloudai.control developers (@cloudai)
options:
  id:
    description:
      - Id of one model to get. The result is a list of that model, or an empty list if it does not exist.
    type: str
    aliases: [model_id]
  workspace_id:
    description:
      - Id of the workspace that holds the models.
    type: str
    required: true
  name:
    description:
      - Only models whose name contains this text, as the service matches it.
    type: str
  type:
    description:
      - Only models of this type.
    type: str
    choices: [LLM_MODEL]
  visibility:
    description:
      - V(PRIVATE) lists your own private models, V(PUBLIC) every public model (other users' too), V(ALL) both.
        Without it the service lists your own models, private and public.
    type: str
    choices: [PRIVATE, PUBLIC, ALL]
  sort_by:
    description:
      - Field to sort by; the service sorts by V(CREATE_TIME) when it is not given.
    type: str
    choices: [CREATE_TIME, UPDATE_TIME, NAME]
  order_by:
    description:
      - Sort order; the service sorts V(DESC) when it is not given.
    type: str
    choices: [ASC, DESC]
  include_versions:
    description:
      - Add each model's versions under C(versions), newest first. This costs one more request per model.
    type: bool
    default: false
extends_documentation_fragment:
  - cloudai.control.huaweicloud
  - cloudai.control.connection
  - cloudai.control.huaweicloud.group
  - ansible.builtin.action_common_attributes
attributes:
  check_mode:
    support: full
    details: Only reads.
  diff_mode:
    support: none
  platform:
    platforms: all
seealso:
  - module: cloudai.control.fabric_model
'''

EXAMPLES = r'''
- name: List the models of a workspace by name, with their versions
  cloudai.control.fabric_model_info:
    workspace_id: "{{ workspace_id }}"
    sort_by: NAME
    order_by: ASC
    include_versions: true
  register: result

- name: Show the versions of each model
  ansible.builtin.debug:
    msg: "{{ item.name }}: {{ item.versions | map(attribute='name') | join(', ') }} (current {{ item.current_version.name }})"
  loop: "{{ result.models }}"
  loop_control:
    label: "{{ item.name }}"
'''

RETURN = r'''
models:
  description:
    - The models found, with the service's snake_case keys.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Id of the model.
      type: str
    workspace_id:
      description: Id of the workspace that holds the model (O(workspace_id)), so that each item is valid arguments of
        M(cloudai.control.fabric_model).
      type: str
    name:
      description: Name of the model.
      type: str
    description:
      description: Description of the model.
      type: str
    type:
      description: Type of the model.
      type: str
    visibility:
      description: V(PRIVATE) or V(PUBLIC).
      type: str
    current_version:
      description: The current version, with C(id), C(name), C(description), C(config), C(cap_white_list),
        C(create_time) and C(create_user).
      type: dict
    versions:
      description: Every version of the model, newest first, each like C(current_version).
      type: list
      elements: dict
      returned: when O(include_versions=true)
    create_time:
      description: When the model was created.
      type: str
    update_time:
      description: When the model was last changed.
      type: str
    create_user:
      description: Who created the model.
      type: dict
    update_user:
      description: Who last changed the model.
      type: dict
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.fabric import FABRIC, MODEL


def main():
    run_info_module(MODEL, FABRIC)


if __name__ == "__main__":
    main()
