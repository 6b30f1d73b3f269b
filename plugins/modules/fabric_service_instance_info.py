#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: fabric_service_instance_info
short_description: List or get Huawei Cloud DataArts Fabric service instances
version_added: 0.2.0
description:
  - Gets one service instance of a workspace by O(id), or lists the workspace's instances with the service's
    filters and sort order, across every page of results.
  - Runs in check mode. The result is always a list.
  - Service instances are calls of the DataArts Fabric companion service (C(DataArtsFabricEpClient) in the Huawei
    SDK). O(region) alone addresses C(https://fabric-ep.<region>.myhuaweicloud.com); O(endpoint) is the URL of that
    service.
author:
  - cloudai.control developers (@cloudai)
options:
  id:
    description:
      - Id of one instance to get. The result is a list of that instance, or an empty list if it does not exist.
    type: str
    aliases: [service_instance_id]
  workspace_id:
    description:
      - Id of the workspace that holds the instances.
    type: str
    required: true
  name:
    description:
      - Only instances whose name contains this text, as the service matches it.
    type: str
  endpoint_id:
    description:
      - Only instances deployed on this endpoint.
    type: str
  source_id:
    description:
      - Only instances of this source.
    type: str
  version_id:
    description:
      - Only instances of this version of a source.
    type: str
  type:
    description:
      - Only instances of this type.
    type: str
    choices: [PGSQL_SERVICE, LLM_MODEL]
  visibility:
    description:
      - V(PRIVATE) lists your own instances, V(PUBLIC) every public one (other users' too). Without it the service
        lists your own, private and public.
    type: str
    choices: [PRIVATE, PUBLIC]
  sort_by:
    description:
      - Field to sort by.
    type: str
    choices: [CREATE_TIME, DURATION]
  order_by:
    description:
      - Sort order.
    type: str
    choices: [ASC, DESC]
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
  - module: cloudai.control.fabric_service_instance
'''

EXAMPLES = r'''
- name: List the model services deployed on an endpoint
  cloudai.control.fabric_service_instance_info:
    workspace_id: "{{ workspace_id }}"
    endpoint_id: "{{ endpoint_id }}"
    type: LLM_MODEL
  register: result
'''

RETURN = r'''
service_instances:
  description:
    - The instances found, with the service's snake_case keys; each is valid arguments of
      M(cloudai.control.fabric_service_instance).
    - Instances listed carry no C(config), C(url), C(update_user), C(error_code) and C(error_msg); one got by
      O(id) does.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Id of the instance.
      type: str
    workspace_id:
      description: Id of the workspace that holds the instance (O(workspace_id)).
      type: str
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
      returned: when got by O(id)
    type:
      description: C(LLM_MODEL) or C(PGSQL_SERVICE).
      type: str
    status:
      description: Status of the instance.
      type: str
    visibility:
      description: V(PRIVATE) or V(PUBLIC).
      type: str
    url:
      description: Where the instance is reached.
      type: dict
      returned: when got by O(id)
    duration:
      description: How long it has run.
      type: int
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
      returned: when got by O(id)
    error_code:
      description: The service's error code of a failed instance.
      type: str
      returned: when got by O(id) and the instance failed
    error_msg:
      description: The service's message of a failed instance.
      type: str
      returned: when got by O(id) and the instance failed
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.fabric_jobs import FABRIC_EP, SERVICE_INSTANCE


def main():
    run_info_module(SERVICE_INSTANCE, FABRIC_EP)


if __name__ == "__main__":
    main()
