#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: fabric_service_instance
short_description: Deploy, update and delete Huawei Cloud DataArts Fabric service instances
version_added: 0.2.0
description:
  - Manages a service instance of a DataArts Fabric workspace; a service instance deploys a source (a model version,
    or a DWS pay-by-query service) on an endpoint with the resources of its O(config).
  - The instance is found by O(id), or by O(name) in the workspace; instance names are unique in a workspace.
  - O(name) (with O(id)), O(description), O(source) and O(config) are changed in place (the instance goes
    C(UPDATING), then C(RUNNING) again), except the resource specification
    O(config.model_instance_config.resource.spec_code); O(endpoint_id) cannot be changed after creation.
  - Deploys, updates and deletes run in the background. With O(wait=true) the module waits until the instance is
    C(RUNNING) (or gone); when it ends C(FAILED), the task fails with the service's C(error_code) and C(error_msg).
  - Options that are not given are not managed.
  - The service has no retry tokens. A deploy whose response was lost is looked up by name before it is sent again.
  - Service instances are calls of the DataArts Fabric companion service (C(DataArtsFabricEpClient) in the Huawei
    SDK), which is signed the same way. O(region) alone addresses C(https://fabric-ep.<region>.myhuaweicloud.com)
    (or the Huawei SDK's E(HUAWEICLOUD_SDK_REGION_DATAARTSFABRICEP_<REGION>)); O(endpoint) is the URL of that
    service.
author:
  - cloudai.control developers (@cloudai)
options:
  state:
    description:
      - V(present) deploys the instance or brings it to the given options; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - Id of the instance. Required to rename an instance; otherwise O(workspace_id) and O(name) find it.
    type: str
    aliases: [service_instance_id]
  workspace_id:
    description:
      - Id of the workspace that holds the instance.
    type: str
    required: true
  name:
    description:
      - Name of the instance, 1-64 letters (of any script), digits, C(-), C(_), C(.) and spaces.
      - One of O(id) and O(name) is required.
    type: str
  description:
    description:
      - Description of the instance, up to 1024 characters.
    type: str
  endpoint_id:
    description:
      - Id of the endpoint the instance is deployed on. Required to deploy; cannot be changed afterwards.
    type: str
  source:
    description:
      - What is deployed. Required to deploy.
    type: dict
    suboptions:
      id:
        description: Id of the source (a model), 32-36 letters, digits and C(-).
        type: str
        required: true
      version_id:
        description: Id of the version of the source.
        type: str
  config:
    description:
      - The resources of the instance, with exactly one of O(config.model_instance_config) and
        O(config.pgsql_instance_config).
    type: dict
    suboptions:
      model_instance_config:
        description: The resources of a model service.
        type: dict
        suboptions:
          resource:
            description: The resource demand.
            type: dict
            required: true
            suboptions:
              spec_code:
                description:
                  - Resource specification, as the service's list of specifications names it. Cannot be changed
                    after creation.
                type: str
                required: true
              min:
                description: Fewest units, 0-1000.
                type: int
                required: true
              max:
                description: Most units, 1-1000, at least O(config.model_instance_config.resource.min).
                type: int
                required: true
      pgsql_instance_config:
        description: The resources of a DWS pay-by-query service.
        type: dict
        suboptions:
          coordinator_resource_spec:
            description: Resource specification of the coordinator.
            type: str
            required: true
          worker_resource_spec:
            description: Resource specification of the workers.
            type: str
            required: true
          coordinator_port:
            description: Port of the coordinator's service, 1-65535.
            type: int
            required: true
          coordinator_pod_label:
            description: Pod label of the coordinator.
            type: str
            required: true
          worker_pod_label:
            description: Pod label of the workers.
            type: str
            required: true
          runtime_param:
            description: Metadata and data locations, as a JSON string.
            type: str
            required: true
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
    details: Predicts the instance after the change; sends no request that changes anything.
  diff_mode:
    support: full
    details: Shows the managed options before and after.
  platform:
    platforms: all
notes:
  - The service answers a deploy or an update with the instance's id only; the module reads the instance after
    each.
seealso:
  - module: cloudai.control.fabric_service_instance_info
  - module: cloudai.control.fabric_endpoint
  - module: cloudai.control.fabric_model
'''

EXAMPLES = r'''
- name: Deploy a model version on an endpoint
  cloudai.control.fabric_service_instance:
    workspace_id: "{{ workspace_id }}"
    name: support-qwen-service
    endpoint_id: "{{ endpoint.endpoint.id }}"
    source:
      id: "{{ model.model.id }}"
      version_id: "{{ model.model.current_version.id }}"
    config:
      model_instance_config:
        resource:
          spec_code: mu.llama3.8b
          min: 1
          max: 2

- name: Scale it out
  cloudai.control.fabric_service_instance:
    workspace_id: "{{ workspace_id }}"
    name: support-qwen-service
    config:
      model_instance_config:
        resource:
          spec_code: mu.llama3.8b
          min: 2
          max: 4

- name: Delete it
  cloudai.control.fabric_service_instance:
    workspace_id: "{{ workspace_id }}"
    name: support-qwen-service
    state: absent
'''

RETURN = r'''
service_instance:
  description:
    - The instance, with the service's snake_case keys.
    - In check mode, the predicted instance (without C(id) when it would be deployed).
    - V(null) after O(state=absent).
  returned: always
  type: dict
  contains:
    id:
      description: Id of the instance.
      type: str
      sample: 9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d
    name:
      description: Name of the instance.
      type: str
    description:
      description: Description of the instance.
      type: str
    endpoint_id:
      description: Id of the endpoint it is deployed on.
      type: str
    source:
      description: What is deployed (C(id), C(version_id)).
      type: dict
    config:
      description: Its resources.
      type: dict
    type:
      description: C(LLM_MODEL) or C(PGSQL_SERVICE).
      type: str
    status:
      description: C(CREATING), C(RUNNING), C(UPDATING), C(FAILED), C(DELETING), ...
      type: str
      sample: RUNNING
    visibility:
      description: V(PRIVATE) or V(PUBLIC).
      type: str
    url:
      description: Where the instance is reached (C(name), C(address), C(type)).
      type: dict
    duration:
      description: How long it has run.
      type: int
    error_code:
      description: The service's error code of a failed instance.
      type: str
    error_msg:
      description: The service's message of a failed instance.
      type: str
    create_time:
      description: When the instance was deployed.
      type: str
    update_time:
      description: When the instance last changed.
      type: str
    create_user:
      description: Who deployed the instance.
      type: dict
    update_user:
      description: Who last changed the instance.
      type: dict
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_resource_module
from ansible_collections.cloudai.control.plugins.module_utils.fabric_jobs import FABRIC_EP, SERVICE_INSTANCE


def main():
    run_resource_module(SERVICE_INSTANCE, FABRIC_EP)


if __name__ == "__main__":
    main()
