#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: genai_sandbox_warm_pool_info
short_description: List or get the sandbox warm pools of an OCI Generative AI project
version_added: 0.2.0
description:
  - Gets one warm pool of a project by O(name), with the service's observation of its ready sandboxes, or lists
    the project's pools, filtered by the service, across every page of results.
  - Runs in check mode. The result is always a list.
author:
  - cloudai.control developers (@cloudai)
options:
  project_id:
    description:
      - OCID of the project.
    type: str
    required: true
  name:
    description:
      - Name of one pool to get. The result is a list of that pool, or an empty list if it does not exist; the
        other filters are then not used.
    type: str
  type:
    description:
      - Only pools of this type.
    type: str
    choices: [MANAGED, CUSTOM]
  shape:
    description:
      - Only pools of this shape.
    type: str
    choices: [SMALL, MEDIUM, LARGE]
  sort_by:
    description:
      - Field to sort by. V(timeCreated) sorts newest first and V(name) alphabetically, unless O(sort_order) says otherwise.
    type: str
    choices: [timeCreated, name]
  sort_order:
    description:
      - Sort order.
    type: str
    choices: [ASC, DESC]
extends_documentation_fragment:
  - cloudai.control.oci
  - cloudai.control.connection
  - cloudai.control.oci.group
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
  - module: cloudai.control.genai_sandbox_warm_pool
'''

EXAMPLES = r'''
- name: List the small pools of a project
  cloudai.control.genai_sandbox_warm_pool_info:
    project_id: "{{ project_id }}"
    shape: SMALL
  register: result

- name: Get one pool, with how many sandboxes are ready
  cloudai.control.genai_sandbox_warm_pool_info:
    project_id: "{{ project_id }}"
    name: python-small
  register: result
'''

RETURN = r'''
sandbox_warm_pools:
  description: The pools, with snake_case keys.
  returned: always
  type: list
  elements: dict
  contains:
    project_id:
      description: OCID of the project that owns the pool.
      type: str
      sample: ocid1.generativeaiproject.oc1.us-chicago-1.amaaaaaaexample
    name:
      description: Name of the pool, unique in its project.
      type: str
      sample: python-small
    type:
      description: V(MANAGED) (the service's Python runtime) or V(CUSTOM) (the pool's container image).
      type: str
      sample: MANAGED
    container_image:
      description: The digest-pinned image of a V(CUSTOM) pool.
      type: str
      returned: for CUSTOM pools
    shape:
      description: Compute shape of each idle sandbox.
      type: str
      sample: SMALL
    desired_capacity:
      description: The requested number of idle sandboxes (not how many are ready).
      type: int
      sample: 2
    lifecycle_state:
      description: Management lifecycle state; V(ACTIVE) means the configuration was applied, not that sandboxes are ready.
      type: str
      sample: ACTIVE
    lifecycle_details:
      description: What the service says about the current operation or failure.
      type: str
      returned: when the service gives it
    time_created:
      description: When the pool was created (RFC 3339).
      type: str
    time_updated:
      description: When its configuration or lifecycle last changed (RFC 3339).
      type: str
    runtime_status:
      description: The service's best-effort observation of ready idle sandboxes (C(ready_capacity),
        C(observation_status) V(OBSERVED) or V(UNAVAILABLE), C(time_read), C(reason)).
      type: dict
      returned: when O(name) is given (not in listings)
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.genai import GENAI
from ansible_collections.cloudai.control.plugins.module_utils.genai_access import SANDBOX_WARM_POOL


def main():
    run_info_module(SANDBOX_WARM_POOL, GENAI)


if __name__ == "__main__":
    main()
