#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vision_work_request_info
short_description: Get or list OCI Vision work requests, with their errors and logs
version_added: 0.1.0
description:
  - Gets one work request by O(id), or lists the work requests of a compartment, filtered by the service,
    across every page of results. Creating, updating and deleting Vision projects and models (training included) run
    as work requests; batch jobs do not, they have a state of their own.
  - Optionally adds each work request's error entries and log messages.
  - Runs in check mode. The result is always a list.
  - To wait for a work request or cancel one, see M(cloudai.control.vision_work_request).
author:
  - cloudai.control developers (@cloudai)
options:
  id:
    description:
      - OCID of one work request to get. The result is a list of that work request, or an empty list if it does not
        exist.
    type: str
    aliases: [work_request_id]
  compartment_id:
    description:
      - Only those of this compartment (OCID). The service takes it as an optional filter.
    type: str
  status:
    description:
      - Only work requests with this status.
    type: str
    choices: [ACCEPTED, IN_PROGRESS, WAITING, FAILED, SUCCEEDED, CANCELING, CANCELED]
  resource_id:
    description:
      - Only work requests about the resource with this OCID.
    type: str
  sort_order:
    description:
      - Order by the time the work requests were accepted.
    type: str
    choices: [ASC, DESC]
  include_errors:
    description:
      - Add the work request's errors to each result, under RV(work_requests[].errors). One more request per work request.
    type: bool
    default: false
  include_logs:
    description:
      - Add the work request's log messages to each result, under RV(work_requests[].logs). One more request per work
        request.
    type: bool
    default: false
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
  - module: cloudai.control.vision_work_request
  - module: cloudai.control.vision_model
'''

EXAMPLES = r'''
- name: Why did the training of this model fail?
  cloudai.control.vision_work_request_info:
    id: "{{ failed_task.work_request.id }}"
    include_errors: true
    include_logs: true
  register: result

- name: Failed work requests about one project
  cloudai.control.vision_work_request_info:
    compartment_id: "{{ compartment_id }}"
    resource_id: "{{ project_id }}"
    status: FAILED
  register: result

- name: Show the errors
  ansible.builtin.debug:
    msg: "{{ result.work_requests | map(attribute='errors') | flatten | map(attribute='message') }}"
'''

RETURN = r'''
work_requests:
  description: The work requests found, with snake_case keys.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: OCID of the work request.
      type: str
    compartment_id:
      description: OCID of the compartment.
      type: str
    operation_type:
      description: What the work request does, for example C(CREATE_MODEL) or C(DELETE_PROJECT).
      type: str
    status:
      description: C(ACCEPTED), C(IN_PROGRESS), C(WAITING), C(FAILED), C(SUCCEEDED), C(CANCELING) or C(CANCELED).
      type: str
    percent_complete:
      description: Progress in percent.
      type: float
    resources:
      description: The resources the work request acts on.
      type: list
      elements: dict
      contains:
        entity_type:
          description: Kind of resource, for example C(Model).
          type: str
        action_type:
          description: C(CREATED), C(UPDATED), C(DELETED), C(IN_PROGRESS), C(RELATED) or C(FAILED).
          type: str
        identifier:
          description: OCID of the resource.
          type: str
        entity_uri:
          description: Path of the resource in the API.
          type: str
    time_accepted:
      description: When the work request was accepted (RFC 3339).
      type: str
    time_started:
      description: When it started.
      type: str
      returned: when started
    time_finished:
      description: When it finished.
      type: str
      returned: when finished
    errors:
      description: Its errors, each with C(code), C(message) and C(timestamp).
      type: list
      elements: dict
      returned: when O(include_errors=true)
    logs:
      description: Its log messages, each with C(message) and C(timestamp).
      type: list
      elements: dict
      returned: when O(include_logs=true)
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.vision import VISION, WORK_REQUEST


def main():
    run_info_module(WORK_REQUEST, VISION)


if __name__ == "__main__":
    main()
