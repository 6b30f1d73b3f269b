#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: fabric_endpoint
short_description: Create, update and delete Huawei Cloud DataArts Fabric endpoints
version_added: 0.1.0
description:
  - Manages an endpoint of a DataArts Fabric workspace. An inference endpoint serves one version of a model
    (O(cap)) on the resources it reserves (O(reserved_resource)).
  - The endpoint is found by O(id), or by O(name) in the workspace; endpoint names are unique in a workspace.
  - O(name), O(description), O(reserved_resource), O(ray_resource) and O(cap) are changed in place (the endpoint goes
    C(UPDATING), then C(RUNNING) again); O(type), O(config), O(cache_list), O(public_access) and O(custom_image_id)
    cannot be changed after creation.
  - Creates, updates and deletes run in the background. With O(wait=true) the module waits until the endpoint is
    C(RUNNING) (or gone); when it ends C(CREATE_FAILED), C(UPDATE_FAILED) or C(DELETE_FAILED), the task fails with
    the service's C(error_code) and C(error_msg), and the result holds the endpoint's id and status.
  - Options that are not given are not managed.
  - The service has no retry tokens. A create whose response was lost is looked up by name before it is sent again.
author:
  - cloudai.control developers (@cloudai)
options:
  state:
    description:
      - V(present) creates the endpoint or brings it to the given options; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - Id of the endpoint. Required to rename an endpoint; otherwise O(workspace_id) and O(name) find it.
    type: str
    aliases: [endpoint_id]
  workspace_id:
    description:
      - Id of the workspace that holds the endpoint.
    type: str
    required: true
  name:
    description:
      - Name of the endpoint, 1-128 letters (Chinese too), digits, C(_) and C(-), unique in the workspace.
      - The service creates endpoints whose names also hold C(.) and spaces, but its list call does not take such a
        name as a filter, so the module could not find the endpoint again by that name; it refuses them.
      - One of O(id) and O(name) is required.
    type: str
  type:
    description:
      - Type of the endpoint; V(inference) serves a model.
      - Required to create an endpoint; cannot be changed afterwards.
    type: str
    choices: [service, ray, inference, job, ray_service, sql, container_job, notebook]
  description:
    description:
      - Description of the endpoint.
    type: str
  cap:
    description:
      - The model version the endpoint serves (the service's capability reference). An inference endpoint needs it.
      - Changing it makes the endpoint serve another version (or model) in place.
      - Only the suboptions given are compared with the endpoint (the service's C(CapRef) has both optional).
    type: dict
    suboptions:
      cap_id:
        description:
          - Id of the model, as M(cloudai.control.fabric_model) returns it (32-36 letters, digits and C(-)).
        type: str
      version_id:
        description:
          - Id of the model version, for example C(model.current_version.id) of M(cloudai.control.fabric_model)
            (32-36 letters, digits and C(-)).
        type: str
  reserved_resource:
    description:
      - The resources the endpoint reserves. Spec codes are those the service lists for endpoints.
      - Only the suboptions given are compared with the endpoint. When something differs the dictionary is sent
        as given.
    type: dict
    suboptions:
      mu:
        description:
          - Model units (MUs), scaling between O(reserved_resource.mu.min) and O(reserved_resource.mu.max).
        type: dict
        suboptions:
          spec_code:
            description: Spec code of the units.
            type: str
            required: true
          min:
            description: Fewest units.
            type: int
            required: true
          max:
            description: Most units, at least O(reserved_resource.mu.min).
            type: int
            required: true
      apu:
        description:
          - APUs, with pre-warmed units.
        type: dict
        suboptions:
          spec_code:
            description: Spec code of the units.
            type: str
            required: true
          warm_up_num:
            description: Units kept warm.
            type: int
            required: true
          max_num:
            description: Most units, at least O(reserved_resource.apu.warm_up_num); the service uses
              O(reserved_resource.apu.warm_up_num) (no scaling) when it is not given.
            type: int
      dpu:
        description:
          - DPUs, with pre-warmed units.
        type: dict
        suboptions:
          spec_code:
            description: Spec code of the units.
            type: str
            required: true
          warm_up_num:
            description: Units kept warm.
            type: int
            required: true
          max_num:
            description: Most units, at least O(reserved_resource.dpu.warm_up_num).
            type: int
  ray_resource:
    description:
      - The Ray nodes of a V(ray) or V(ray_service) endpoint. Changed in place.
      - The endpoint shows it in another shape (C(head_group_spec), C(worker_group_spec) with C(min_replicas) and
        C(max_replicas)); the module compares the two.
    type: dict
    suboptions:
      head_node_resource:
        description: The head node.
        type: dict
        required: true
        suboptions:
          spec_code:
            description: Spec code of the head node.
            type: str
            required: true
      work_node_resources:
        description: The groups of worker nodes.
        type: list
        elements: dict
        required: true
        suboptions:
          name:
            description: Name of the group.
            type: str
            required: true
          resource:
            description: The group's nodes, scaling between C(min) and C(max).
            type: dict
            required: true
            suboptions:
              spec_code:
                description: Spec code of the nodes.
                type: str
                required: true
              min:
                description: Fewest nodes.
                type: int
                required: true
              max:
                description: Most nodes, at least C(min).
                type: int
                required: true
  config:
    description:
      - Configuration of a V(ray_service) endpoint. Cannot be changed after creation.
    type: dict
    suboptions:
      ray_service_config:
        description:
          - The service's C(RayServiceConfig) as a dictionary (C(ray_serve_config), C(ray_cluster_config),
            C(log_config), C(oidc_config), C(api_config), C(agency_config), C(data_infos)), sent as given.
        type: dict
        required: true
  cache_list:
    description:
      - Distributed caches to mount. Sent on create only; the service does not show them, so they are not compared.
    type: list
    elements: dict
    suboptions:
      mnt_path:
        description: Where the cache is mounted.
        type: str
        required: true
      cache_ins_id:
        description: Id of the distributed cache.
        type: str
        required: true
  public_access:
    description:
      - Whether the endpoint is reachable from the internet (the service's default is V(false)). Cannot be changed
        after creation; the endpoint shows it as its C(visibility) (V(PUBLIC) or V(PRIVATE)).
    type: bool
  custom_image_id:
    description:
      - Id of a custom image to run, 32-36 letters, digits and C(-). Cannot be changed after creation.
    type: str
  subscribe:
    description:
      - V(true) subscribes the workspace O(workspace_id) to the endpoint, which must be public.
      - The service has no call that shows a subscription, nor one that ends it, so the module sends the
        subscription on every run that gives V(true) and reports a change; V(false) is refused.
      - Added in version 0.2.0.
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
    details: Predicts the endpoint after the change; sends no request that changes anything.
  diff_mode:
    support: full
    details: Shows the managed options before and after.
  platform:
    platforms: all
seealso:
  - module: cloudai.control.fabric_endpoint_info
  - module: cloudai.control.fabric_model
  - module: cloudai.control.fabric_workspace
'''

EXAMPLES = r'''
- name: Serve the current version of a model on two to four model units
  cloudai.control.fabric_endpoint:
    workspace_id: "{{ workspace_id }}"
    name: support-chat
    type: inference
    description: Support chat bot
    cap:
      cap_id: "{{ model.model.id }}"
      version_id: "{{ model.model.current_version.id }}"
    reserved_resource:
      mu:
        spec_code: mu.llm.standard
        min: 2
        max: 4
  register: endpoint

- name: Show where to call it
  ansible.builtin.debug:
    msg: "{{ (endpoint.endpoint.urls | selectattr('name', 'eq', 'ApiInvoke') | first).address }}"

- name: Scale it up, without waiting for the update
  cloudai.control.fabric_endpoint:
    workspace_id: "{{ workspace_id }}"
    id: "{{ endpoint.endpoint.id }}"
    reserved_resource:
      mu:
        spec_code: mu.llm.standard
        min: 4
        max: 8
    wait: false

- name: Delete it
  cloudai.control.fabric_endpoint:
    workspace_id: "{{ workspace_id }}"
    name: support-chat
    state: absent
'''

RETURN = r'''
endpoint:
  description:
    - The endpoint, with the service's snake_case keys.
    - In check mode, the predicted endpoint (without C(id) when it would be created).
    - V(null) after O(state=absent).
  returned: always
  type: dict
  contains:
    id:
      description: Id of the endpoint.
      type: str
      sample: 5f1c2d3e-4a5b-4c6d-8e7f-901234567890
    name:
      description: Name of the endpoint.
      type: str
    type:
      description: Type of the endpoint.
      type: str
      sample: inference
    description:
      description: Description of the endpoint.
      type: str
    status:
      description: C(CREATING), C(RUNNING), C(UPDATING), C(DELETING), C(CREATE_FAILED), C(UPDATE_FAILED),
        C(DELETE_FAILED), C(FROZEN) or C(INACTIVE).
      type: str
      sample: RUNNING
    error_code:
      description: The service's error code, in a failed status.
      type: str
      returned: when the endpoint failed
    error_msg:
      description: What the service says about the failure.
      type: str
      returned: when the endpoint failed
    cap:
      description: The model version served, C(cap_id) and C(version_id).
      type: dict
      returned: when set
    reserved_resource:
      description: The reserved resources, C(mu), C(apu) and C(dpu).
      type: dict
      returned: when set
    ray_resource:
      description: The Ray resources of a Ray endpoint, C(head_group_spec) and C(worker_group_spec).
      type: dict
      returned: when set
    urls:
      description: Where to call the endpoint; the one named C(ApiInvoke) is the REST invoke URL.
      type: list
      elements: dict
      returned: when the endpoint is running
      sample: [{"name": "ApiInvoke", "type": "PRIVATE", "address": "https://example.invalid/v1/chat/completions"}]
    visibility:
      description: V(PRIVATE) or V(PUBLIC).
      type: str
    owner:
      description: Who owns the endpoint (C(domain_name), C(domain_id), C(user_name), C(user_id)).
      type: dict
    custom_image_id:
      description: Id of the custom image.
      type: str
      returned: when set
    create_time:
      description: When the endpoint was created.
      type: str
    update_time:
      description: When the endpoint last changed.
      type: str
    business_engine_instance_ids:
      description: Ids of the engine instances behind the endpoint.
      type: list
      elements: str
      returned: when the service gives it
    runtime_env_type:
      description: The runtime environment, such as V(RELEASE).
      type: str
      returned: when the service gives it
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_resource_module
from ansible_collections.cloudai.control.plugins.module_utils.fabric import ENDPOINT, FABRIC


def main():
    run_resource_module(ENDPOINT, FABRIC)


if __name__ == "__main__":
    main()
