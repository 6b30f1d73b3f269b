#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: genai_sandbox_warm_pool
short_description: Create, resize and delete the sandbox warm pools of OCI Generative AI projects
version_added: 0.2.0
description:
  - Manages a named warm pool of idle code sandboxes in a Generative AI project whose sandboxes are enabled
    (the O(cloudai.control.genai_project#module:sandbox_config) of M(cloudai.control.genai_project)).
  - A pool has no OCID. O(project_id) and O(name) identify it, and one read by name finds it.
  - Only O(desired_capacity) changes in place; O(type), O(container_image) and O(shape) are fixed when the pool is
    created, and a task that gives other values fails. Pools do not move between projects and have no tags.
  - Creates, resizes and deletes run as work requests, which the module follows while O(wait=true). A pool being
    deleted keeps its name until it is gone; a task that creates it again first waits for that.
  - Options that are not given are not managed.
author:
  - cloudai.control developers (@cloudai)
options:
  state:
    description:
      - V(present) creates the pool or brings it to the given options; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  project_id:
    description:
      - OCID of the project that owns the pool.
    type: str
    required: true
  name:
    description:
      - Name of the pool, unique in its project and fixed once created.
    type: str
    required: true
  type:
    description:
      - V(MANAGED) runs the service's Python 3.11 runtime and takes no O(container_image); V(CUSTOM) runs
        O(container_image). Required to create the pool.
    type: str
    choices: [MANAGED, CUSTOM]
  container_image:
    description:
      - The image of a V(CUSTOM) pool, pinned by its digest (C(<region>.ocir.io/<namespace>/<repository>@sha256:<64
        lowercase hexadecimal characters>)), in the pool's region.
    type: str
  shape:
    description:
      - Compute shape of each idle sandbox. Required to create the pool.
    type: str
    choices: [SMALL, MEDIUM, LARGE]
  desired_capacity:
    description:
      - How many idle sandboxes the pool keeps ready; V(0) pauses prewarming. Required to create the pool.
    type: int
extends_documentation_fragment:
  - cloudai.control.oci
  - cloudai.control.connection
  - cloudai.control.wait
  - cloudai.control.info_items
  - cloudai.control.oci.group
  - ansible.builtin.action_common_attributes
attributes:
  check_mode:
    support: full
    details: Predicts the pool after the change; sends no request that changes anything.
  diff_mode:
    support: full
    details: Shows the managed options before and after.
  platform:
    platforms: all
seealso:
  - module: cloudai.control.genai_sandbox_warm_pool_info
  - module: cloudai.control.genai_project
'''

EXAMPLES = r'''
- name: Keep two small sandboxes of the service's runtime ready
  cloudai.control.genai_sandbox_warm_pool:
    project_id: "{{ project_id }}"
    name: python-small
    type: MANAGED
    shape: SMALL
    desired_capacity: 2

- name: A pool of our own image
  cloudai.control.genai_sandbox_warm_pool:
    project_id: "{{ project_id }}"
    name: tools-medium
    type: CUSTOM
    container_image: us-chicago-1.ocir.io/tenancy/tools@sha256:4f3c2b1a00112233445566778899aabbccddeeff00112233445566778899aabb
    shape: MEDIUM
    desired_capacity: 1

- name: Pause prewarming
  cloudai.control.genai_sandbox_warm_pool:
    project_id: "{{ project_id }}"
    name: python-small
    desired_capacity: 0

- name: Delete it
  cloudai.control.genai_sandbox_warm_pool:
    project_id: "{{ project_id }}"
    name: python-small
    state: absent
'''

RETURN = r'''
sandbox_warm_pool:
  description:
    - The pool, with snake_case keys.
    - In check mode, the predicted pool.
    - V(null) after O(state=absent).
  returned: always
  type: dict
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
      returned: when the pool was read by its name (not in listings)
work_request:
  description: The work request that was followed while waiting, with snake_case keys.
  returned: when the change ran as a work request and O(wait=true)
  type: dict
  contains:
    id:
      description: OCID of the work request.
      type: str
    operation_type:
      description: What the work request did, for example C(CREATE_PROJECT).
      type: str
    status:
      description: Final status, C(SUCCEEDED) on success.
      type: str
    percent_complete:
      description: Progress in percent.
      type: float
    compartment_id:
      description: OCID of the compartment of the work request.
      type: str
    resources:
      description: The resources the work request affected, each with C(entity_type), C(action_type), C(identifier)
        and C(entity_uri).
      type: list
      elements: dict
    time_accepted:
      description: When the service accepted the work request (RFC 3339).
      type: str
    time_started:
      description: When the work request started (RFC 3339).
      type: str
      returned: once started
    time_finished:
      description: When the work request finished (RFC 3339).
      type: str
      returned: once finished
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_resource_module
from ansible_collections.cloudai.control.plugins.module_utils.genai import GENAI
from ansible_collections.cloudai.control.plugins.module_utils.genai_access import SANDBOX_WARM_POOL


def main():
    run_resource_module(SANDBOX_WARM_POOL, GENAI)


if __name__ == "__main__":
    main()
