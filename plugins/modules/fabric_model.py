#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: fabric_model
short_description: Create, update and delete Huawei Cloud DataArts Fabric models and their versions
version_added: 0.1.0
description:
  - Manages a model of a DataArts Fabric workspace and its versions. A model is a definition (name, type,
    description) with one or more versions; each version points at the model files (an OBS path or a local path)
    and the base model type they are built on. One version is the model's current version.
  - The model is found by O(id), or by O(name) in the workspace; model names are unique in a workspace.
  - O(name) and O(description) are changed in place; O(type) cannot be changed after creation.
  - A O(version) is added when the model has no version of that name. A version cannot be changed, so one of that name
    with other content is an error. Give the new content a new version name instead.
  - O(current_version) chooses the version in use. Versions are removed only when asked, with
    O(version.state=absent) or O(purge_versions); the current version is never removed.
  - Options that are not given are not managed.
  - The service has no retry tokens. A create whose response was lost is looked up by name before it is sent again.
  - The service refuses to delete a model (or a version) that an endpoint serves; the error names the endpoints.
author:
  - cloudai.control developers (@cloudai)
options:
  state:
    description:
      - V(present) creates the model or brings it and its versions to the given options; V(absent) deletes the
        model with all its versions.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - Id of the model. Required to rename a model; otherwise O(workspace_id) and O(name) find it.
    type: str
    aliases: [model_id]
  workspace_id:
    description:
      - Id of the workspace that holds the model.
    type: str
    required: true
  name:
    description:
      - Name of the model, 1-64 letters (of any script), digits, C(-), C(_), C(.) and spaces, unique in the workspace.
      - One of O(id) and O(name) is required.
    type: str
  type:
    description:
      - Type of the model. Cannot be changed after creation.
    type: str
    choices: [LLM_MODEL]
    default: LLM_MODEL
  description:
    description:
      - Description of the model, up to 1024 characters.
    type: str
  version:
    description:
      - A version the model must have (or, with O(version.state=absent), must not have).
      - Required to create a model; the model's first version becomes its current version.
      - When the model exists and has no version of this name, the version is added. The service makes an added
        version the current one unless O(current_version) names another.
    type: dict
    suboptions:
      name:
        description:
          - Name of the version, 1-64 letters, digits, C(-), C(_), C(.) and spaces, unique in the model.
        type: str
        required: true
      description:
        description:
          - Description of the version.
        type: str
      config:
        description:
          - What the version is made of.
        type: dict
        suboptions:
          llm_model_config:
            description:
              - The configuration of a large language model.
            type: dict
            required: true
            suboptions:
              base_model_type:
                description:
                  - Type of the base model the version is built on, as M(cloudai.control.fabric_base_model_info)
                    lists them, for example V(QWEN2_7B).
                type: str
                required: true
              model_path:
                description:
                  - OBS path of the model files, C(obs://<bucket>/<path>), for example
                    V(obs://my-bucket/models/qwen2-7b/).
                  - Required. The official SDK (C(huaweicloudsdkdataartsfabric) 3.1.219) requires it in
                    C(LlmModelConfig) and has no C(local_model_path), which only the older create-model reference
                    page lists; the collection follows the SDK, whose models are generated from the service's
                    contract, and so has no option for a local path.
                type: str
                required: true
      state:
        description:
          - V(present) adds the version when it is missing; V(absent) removes it when it is there.
          - A version to remove is named by O(version.name) alone. The current version cannot be removed; name
            another in O(current_version) in the same task to switch first.
        type: str
        choices: [present, absent]
        default: present
  current_version:
    description:
      - Name of the version to make the model's current version. It must exist, or be the O(version) the task adds.
      - Also taken as the dict that RV(model.current_version) and M(cloudai.control.fabric_model_info) return; its
        C(name) is used and its other keys are ignored.
    type: raw
  purge_versions:
    description:
      - Remove every version but the current one and the one given in O(version).
    type: bool
    default: false
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
    details: Predicts the model after the change, versions included; sends no request that changes anything.
  diff_mode:
    support: full
    details: Shows the managed options before and after, with the current version and, when the task listed them,
      the names of the versions.
  platform:
    platforms: all
notes:
  - Models have no status. The service imports the model files in the background after the create; O(wait) only
    reads the new model once.
  - A re-run that changes nothing sends one request when O(version) is the current version (or not given), and one
    more to list the versions otherwise.
seealso:
  - module: cloudai.control.fabric_model_info
  - module: cloudai.control.fabric_base_model_info
  - module: cloudai.control.fabric_endpoint
'''

EXAMPLES = r'''
- name: Create a model from a base model type and its files on OBS
  cloudai.control.fabric_model:
    workspace_id: "{{ workspace_id }}"
    name: support-qwen
    description: Qwen2 7B tuned on support tickets
    version:
      name: v1
      config:
        llm_model_config:
          base_model_type: QWEN2_7B
          model_path: obs://my-bucket/models/support-qwen/v1/
  register: model

- name: Add a second version; it becomes the current one
  cloudai.control.fabric_model:
    workspace_id: "{{ workspace_id }}"
    name: support-qwen
    version:
      name: v2
      config:
        llm_model_config:
          base_model_type: QWEN2_7B
          model_path: obs://my-bucket/models/support-qwen/v2/

- name: Go back to the first version, showing the change first
  cloudai.control.fabric_model:
    workspace_id: "{{ workspace_id }}"
    name: support-qwen
    current_version: v1
  check_mode: true
  diff: true

- name: Remove version v2
  cloudai.control.fabric_model:
    workspace_id: "{{ workspace_id }}"
    name: support-qwen
    version:
      name: v2
      state: absent

- name: Keep only the current version
  cloudai.control.fabric_model:
    workspace_id: "{{ workspace_id }}"
    name: support-qwen
    purge_versions: true

- name: Delete the model with all its versions
  cloudai.control.fabric_model:
    workspace_id: "{{ workspace_id }}"
    name: support-qwen
    state: absent
'''

RETURN = r'''
model:
  description:
    - The model, with the service's snake_case keys.
    - In check mode, the predicted model (without C(id) when it would be created).
    - After a create with O(wait=false), only C(id) and C(version_id), as the service answers the create.
    - V(null) after O(state=absent).
  returned: always
  type: dict
  contains:
    id:
      description: Id of the model.
      type: str
      sample: ac8111bf-3601-4905-8ddd-b41d3e636a4e
    name:
      description: Name of the model.
      type: str
    description:
      description: Description of the model.
      type: str
    type:
      description: Type of the model.
      type: str
      sample: LLM_MODEL
    visibility:
      description: V(PRIVATE) or V(PUBLIC).
      type: str
    current_version:
      description: The current version, with C(id), C(name), C(description), C(config), C(cap_white_list),
        C(create_time) and C(create_user).
      type: dict
      sample: {"id": "7c3e5b1a-9d1c-4a8e-b0b5-0e6f1f7e3f11", "name": "v1",
               "config": {"llm_model_config": {"base_model_type": "QWEN2_7B",
                                               "model_path": "obs://my-bucket/models/support-qwen/v1/"}}}
    create_time:
      description: When the model was created.
      type: str
    update_time:
      description: When the model was last changed.
      type: str
    create_user:
      description: Who created the model (C(domain_name), C(domain_id), C(user_name), C(user_id)).
      type: dict
    update_user:
      description: Who last changed the model.
      type: dict
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_resource_module
from ansible_collections.cloudai.control.plugins.module_utils.fabric import FABRIC, MODEL


def main():
    run_resource_module(MODEL, FABRIC)


if __name__ == "__main__":
    main()
