#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: fabric_workspace_info
short_description: List or get Huawei Cloud DataArts Fabric workspaces
version_added: 0.1.0
description:
  - Gets one workspace by O(id), or lists the account's workspaces, filtered by the service, across every page of
    results.
  - Runs in check mode. The result is always a list.
author:
  - cloudai.control developers (@cloudai)
options:
  id:
    description:
      - Id of one workspace to get. The result is a list of that workspace, or an empty list if it does not exist.
    type: str
    aliases: [workspace_id]
  name:
    description:
      - Only workspaces whose name contains this text (4-32 letters, digits and C(-)), as the service matches it
        (not case-sensitive).
      - Select the exact name from the result when it matters.
    type: str
  enterprise_project_id:
    description:
      - Only workspaces of this enterprise project, 1-36 letters, digits, C(_) and C(-). The service requires it in
        the list call; when it is not given, V(all_granted_eps) is sent, every project the caller may see.
    type: str
  tags:
    description:
      - Only workspaces that carry every one of these tags (key -> value; an empty value matches any value of the
        key), as the service's tag filter selects them.
      - Added in version 0.2.0.
    type: dict
  include_tags:
    description:
      - Add each workspace's tags as RV(workspaces[].tags), with one more request per workspace.
      - Added in version 0.2.0.
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
  - module: cloudai.control.fabric_workspace
'''

EXAMPLES = r'''
- name: Count the production workspaces of a team, with their tags
  cloudai.control.fabric_workspace_info:
    tags:
      team: support
      env: prod
    include_tags: true
  register: result

- name: List the workspaces whose name contains "serving"
  cloudai.control.fabric_workspace_info:
    name: serving
  register: result

- name: Pick the one named exactly llm-serving
  ansible.builtin.set_fact:
    workspace_id: "{{ (result.workspaces | selectattr('name', 'eq', 'llm-serving') | first).id }}"

- name: Get one workspace
  cloudai.control.fabric_workspace_info:
    id: "{{ workspace_id }}"
  register: result
'''

RETURN = r'''
workspaces:
  description:
    - The workspaces found, with the service's snake_case keys, newest first.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Id of the workspace.
      type: str
    name:
      description: Name of the workspace.
      type: str
    description:
      description: Description of the workspace.
      type: str
    metastore_id:
      description: Id of the LakeFormation metastore.
      type: str
      returned: when set
    enterprise_project_id:
      description: Id of the enterprise project.
      type: str
    access_url:
      description: URL of the workspace's console.
      type: str
    create_time:
      description: When the workspace was created.
      type: str
    create_domain_name:
      description: Account that created the workspace.
      type: str
    create_user_name:
      description: User who created the workspace.
      type: str
    tags:
      description: The tags of the workspace (key -> value).
      type: dict
      returned: when O(include_tags=true)
      sample: {"team": "support"}
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.fabric import FABRIC, WORKSPACE


def main():
    run_info_module(WORKSPACE, FABRIC)


if __name__ == "__main__":
    main()
