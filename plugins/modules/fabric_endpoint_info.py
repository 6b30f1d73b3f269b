#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: fabric_endpoint_info
short_description: List or get Huawei Cloud DataArts Fabric endpoints
version_added: 0.1.0
description:
  - Gets one endpoint of a workspace by O(id), or lists the workspace's endpoints with the service's filters,
    across every page of results.
  - Runs in check mode. The result is always a list.
author:
  - cloudai.control developers (@cloudai)
options:
  id:
    description:
      - Id of one endpoint to get. The result is a list of that endpoint, or an empty list if it does not exist.
    type: str
    aliases: [endpoint_id]
  workspace_id:
    description:
      - Id of the workspace that holds the endpoints.
    type: str
    required: true
  name:
    description:
      - Only endpoints whose name contains this text, as the service matches it.
    type: str
  model_id:
    description:
      - Only endpoints that serve this model.
    type: str
  type:
    description:
      - Only endpoints of this type.
    type: str
    choices: [service, ray, inference, job, ray_service, sql, container_job, notebook]
  visibility:
    description:
      - V(PRIVATE) lists your own private endpoints, V(PUBLIC) every public one, V(ALL) both.
    type: str
    choices: [PRIVATE, PUBLIC, ALL]
  include_previous:
    description:
      - Add each endpoint's configuration before its last update as RV(endpoints[].previous), with one more request
        per endpoint (V(null) for an endpoint that was never updated).
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
  - module: cloudai.control.fabric_endpoint
'''

EXAMPLES = r'''
- name: List the endpoints that serve a model
  cloudai.control.fabric_endpoint_info:
    workspace_id: "{{ workspace_id }}"
    model_id: "{{ model_id }}"
  register: result

- name: Show their status
  ansible.builtin.debug:
    msg: "{{ result.endpoints | items2dict(key_name='name', value_name='status') }}"

- name: Get one endpoint, with its invoke URLs
  cloudai.control.fabric_endpoint_info:
    workspace_id: "{{ workspace_id }}"
    id: "{{ endpoint_id }}"
  register: result

- name: What did its last update change?
  cloudai.control.fabric_endpoint_info:
    workspace_id: "{{ workspace_id }}"
    id: "{{ endpoint_id }}"
    include_previous: true
  register: result
'''

RETURN = r'''
endpoints:
  description:
    - The endpoints found, with the service's snake_case keys. Listed endpoints are the service's brief form, which
      lacks C(urls), C(business_engine_instance_ids), C(tokens_quota), C(runtime_env_type) and C(config); an
      endpoint got by O(id) has them.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Id of the endpoint.
      type: str
    workspace_id:
      description: Id of the workspace that holds the endpoint (O(workspace_id)), so that each item is valid arguments
        of M(cloudai.control.fabric_endpoint).
      type: str
    name:
      description: Name of the endpoint.
      type: str
    type:
      description: Type of the endpoint.
      type: str
    status:
      description: Status of the endpoint, for example C(RUNNING).
      type: str
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
      description: The reserved resources.
      type: dict
      returned: when set
    urls:
      description: Where to call the endpoint.
      type: list
      elements: dict
      returned: when got by O(id) and running
    create_time:
      description: When the endpoint was created.
      type: str
    update_time:
      description: When the endpoint last changed.
      type: str
    owner:
      description: Who owns the endpoint (C(domain_name), C(domain_id), C(user_name), C(user_id)).
      type: dict
    ray_resource:
      description: The Ray resources of a Ray endpoint, C(head_group_spec) and C(worker_group_spec).
      type: dict
      returned: when set
    visibility:
      description: V(PRIVATE) or V(PUBLIC).
      type: str
    previous:
      description:
        - The endpoint as it was before its last update (the same keys, without invoke tokens), or V(null) when it
          was never updated.
      type: dict
      returned: when O(include_previous=true)
    business_engine_instance_ids:
      description: Ids of the engine instances behind the endpoint.
      type: list
      elements: str
      returned: when got by O(id)
    tokens_quota:
      description: The endpoint's token quota, as the service gives it.
      type: dict
      returned: when got by O(id) and the service gives it
    runtime_env_type:
      description: The runtime environment, such as V(RELEASE).
      type: str
      returned: when got by O(id)
    config:
      description: The endpoint's configuration, as the service gives it.
      type: dict
      returned: when got by O(id) and the service gives it
    description:
      description: Description of the endpoint.
      type: str
    custom_image_id:
      description: Id of the custom image.
      type: str
      returned: when set
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.fabric import ENDPOINT, FABRIC


def main():
    run_info_module(ENDPOINT, FABRIC)


if __name__ == "__main__":
    main()
