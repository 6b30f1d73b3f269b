#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: fabric_workspace
short_description: Create, update and delete Huawei Cloud DataArts Fabric workspaces
version_added: 0.1.0
description:
  - Manages a workspace of Huawei Cloud DataArts Fabric, which holds models, endpoints and jobs.
  - The workspace is found by O(id), or by O(name); workspace names are unique in an account.
  - O(name), O(description) and O(metastore_id) are changed in place; O(enterprise_project_id) cannot be changed
    after creation.
  - Options that are not given are not managed; for those the service's own defaults apply when the workspace is
    created.
  - The service has no retry tokens. A create whose response was lost is looked up by name before it is sent again,
    so it never makes two workspaces.
  - The service refuses to delete a workspace that still has endpoints; the error names them.
  - O(tags) and O(metrics_enabled) were added in version 0.2.0.
author:
  - cloudai.control developers (@cloudai)
options:
  state:
    description:
      - V(present) creates the workspace or brings it to the given options; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - Id of the workspace. Required to rename a workspace; otherwise O(name) finds it.
    type: str
    aliases: [workspace_id]
  name:
    description:
      - Name of the workspace, 4-32 letters, digits and C(-), unique in the account.
      - One of O(id) and O(name) is required.
    type: str
  description:
    description:
      - Description of the workspace, up to 255 characters.
    type: str
  metastore_id:
    description:
      - Id of the LakeFormation instance the workspace uses as its metastore (32-36 characters).
    type: str
  enterprise_project_id:
    description:
      - Id of the enterprise project the workspace belongs to. The service puts it in the default project
        (V(0)) when this is not given.
      - Cannot be changed after creation.
    type: str
  tags:
    description:
      - Tags of the workspace, key -> value (strings; keys 1-128 and values 0-255 characters without
        C(= * < > \\ , | /)), at most 20. Set and removed with the service's tag calls.
      - With O(purge_tags=true) these are all the workspace's tags, others are removed; with O(purge_tags=false)
        they are added to (or change the values of) the others. Not given, tags are not managed.
    type: dict
  purge_tags:
    description:
      - Whether tags that are not in O(tags) are removed. Without O(tags) nothing is removed.
    type: bool
    default: true
  metrics_enabled:
    description:
      - Whether the workspace's metrics are collected in AOM (the account's agency needs the policy type
        C(FABRIC_AOM_POLICY), see M(cloudai.control.fabric_agency)).
      - The service has no call that reads this setting, so the module sends it on every run that gives it and
        reports a change (in check mode too); leave it out to not manage it.
    type: bool
extends_documentation_fragment:
  - cloudai.control.huaweicloud
  - cloudai.control.connection
  - cloudai.control.wait
  - cloudai.control.info_items
  - cloudai.control.huaweicloud.group
  - ansible.builtin.action_common_attributes
attributes:
  check_mode:
    support: full
    details: Predicts the workspace after the change; sends no request that changes anything.
  diff_mode:
    support: full
    details: Shows the managed options before and after.
  platform:
    platforms: all
notes:
  - Workspaces have no status; they are ready as soon as they are created, so O(wait) has nothing to wait for.
seealso:
  - module: cloudai.control.fabric_workspace_info
  - module: cloudai.control.fabric_model
  - module: cloudai.control.fabric_endpoint
'''

EXAMPLES = r'''
- name: Create a workspace
  cloudai.control.fabric_workspace:
    name: llm-serving
    description: Models and endpoints of the support chat bot
    region: cn-north-4
    project_id: "{{ project_id }}"
  register: workspace

- name: Rename it, showing the change first
  cloudai.control.fabric_workspace:
    id: "{{ workspace.workspace.id }}"
    name: llm-serving-prod
  check_mode: true
  diff: true

- name: Tag it and collect its metrics, keeping the tags set elsewhere
  cloudai.control.fabric_workspace:
    name: llm-serving
    tags:
      team: support
      env: prod
    purge_tags: false
    metrics_enabled: true

- name: Delete it
  cloudai.control.fabric_workspace:
    name: llm-serving
    state: absent
'''

RETURN = r'''
workspace:
  description:
    - The workspace, with the service's snake_case keys.
    - In check mode, the predicted workspace (without C(id) when it would be created).
    - V(null) after O(state=absent).
  returned: always
  type: dict
  contains:
    id:
      description: Id of the workspace.
      type: str
      sample: 2a6f0e4c-53b4-4b8e-9d57-7f2bd1f4d0c1
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
      sample: "0"
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
      returned: when O(tags) is given
      sample: {"team": "support"}
    metrics_enabled:
      description: The metrics setting sent.
      type: bool
      returned: when O(metrics_enabled) is given
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_resource_module
from ansible_collections.cloudai.control.plugins.module_utils.fabric import FABRIC, WORKSPACE


def main():
    run_resource_module(WORKSPACE, FABRIC)


if __name__ == "__main__":
    main()
