#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vision_work_request
short_description: Wait for or cancel an OCI Vision work request
version_added: 0.1.0
description:
  - Follows one work request of OCI Vision given by O(id), for example the training of a model started with
    O(cloudai.control.vision_model#module:wait=false).
  - O(state=present) waits until the work request has C(SUCCEEDED) (with O(wait=true)); one that ended C(FAILED) or
    C(CANCELED) fails the task, with its errors.
  - O(state=absent) cancels the work request. The service cancels only a work request that has not started yet
    (C(ACCEPTED)); one that is C(IN_PROGRESS) is refused with the service's error. A work request that has finished
    is left as it is (not changed). What a cancelled work request leaves of its resource is up to the service; look at
    the resource afterwards.
author:
  - cloudai.control developers (@cloudai)
options:
  state:
    description:
      - V(present) waits for the work request to succeed; V(absent) cancels it.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - OCID of the work request, as in RV(cloudai.control.vision_model#module:work_request.id) or from
        M(cloudai.control.vision_work_request_info).
    type: str
    required: true
    aliases: [work_request_id]
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
    details: Reads the work request and predicts whether it would be cancelled; sends no request that changes anything.
  diff_mode:
    support: full
    details: There are no options to compare; the diff is empty.
  platform:
    platforms: all
seealso:
  - module: cloudai.control.vision_work_request_info
  - module: cloudai.control.vision_model
'''

EXAMPLES = r'''
- name: Start training without waiting
  cloudai.control.vision_model:
    compartment_id: "{{ compartment_id }}"
    display_name: scratch-detector
    project_id: "{{ project_id }}"
    model_type: OBJECT_DETECTION
    training_dataset:
      namespace_name: "{{ namespace }}"
      bucket_name: training-data
      object_name: scratches/labels.jsonl
    wait: false
  register: model

- name: Find the training's work request
  cloudai.control.vision_work_request_info:
    compartment_id: "{{ compartment_id }}"
    resource_id: "{{ model.model.id }}"
    status: ACCEPTED
  register: pending

- name: Changed our mind before it started
  cloudai.control.vision_work_request:
    id: "{{ pending.work_requests[0].id }}"
    state: absent
  when: pending.work_requests | length > 0

- name: Or wait for another work request to succeed, for up to two hours
  cloudai.control.vision_work_request:
    id: "{{ work_request_id }}"
    wait_timeout: 7200
'''

RETURN = r'''
work_request:
  description:
    - The work request, with snake_case keys, as last seen.
    - V(null) after O(state=absent).
  returned: always
  type: dict
  contains:
    id:
      description: OCID of the work request.
      type: str
    compartment_id:
      description: OCID of the compartment.
      type: str
    operation_type:
      description: What the work request does, for example C(CREATE_MODEL).
      type: str
    status:
      description: C(ACCEPTED), C(IN_PROGRESS), C(WAITING), C(FAILED), C(SUCCEEDED), C(CANCELING) or C(CANCELED).
      type: str
    percent_complete:
      description: Progress in percent.
      type: float
    resources:
      description: The resources the work request acts on, each with C(entity_type), C(action_type), C(identifier)
        and C(entity_uri).
      type: list
      elements: dict
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
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_resource_module
from ansible_collections.cloudai.control.plugins.module_utils.vision import VISION, WORK_REQUEST_TO_WAIT_FOR


def main():
    run_resource_module(WORK_REQUEST_TO_WAIT_FOR, VISION)


if __name__ == "__main__":
    main()
