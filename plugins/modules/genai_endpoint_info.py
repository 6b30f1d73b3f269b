#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: genai_endpoint_info
short_description: List or get OCI Generative AI endpoints
version_added: 0.1.0
description:
  - Gets one endpoint by O(id), or lists the endpoints of a compartment, filtered by the service,
    across every page of results.
  - Runs in check mode. The result is always a list.
author:
  - cloudai.control developers (@cloudai)
options:
  id:
    description:
      - OCID of one endpoint to get. The result is a list of that endpoint, or an empty list if it does not exist.
    type: str
    aliases: [endpoint_id]
  compartment_id:
    description:
      - OCID of the compartment to list. Required unless O(id) is given.
    type: str
  display_name:
    description:
      - Only endpoints with exactly this name.
    type: str
  lifecycle_state:
    description:
      - Only endpoints in this lifecycle state.
    type: str
    choices: [ACTIVE, CREATING, UPDATING, DELETING, DELETED, FAILED]
  generative_ai_private_endpoint_id:
    description:
      - Only endpoints reached through this Generative AI private endpoint.
    type: str
  sort_by:
    description:
      - Field to sort by. V(timeCreated) sorts newest first and V(displayName) alphabetically, unless
        O(sort_order) says otherwise.
    type: str
    choices: [displayName, timeCreated]
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
  - module: cloudai.control.genai_endpoint
'''

EXAMPLES = r'''
- name: List the active endpoints of a compartment
  cloudai.control.genai_endpoint_info:
    compartment_id: "{{ compartment_id }}"
    lifecycle_state: ACTIVE
    sort_by: displayName
  register: result

- name: Get one endpoint
  cloudai.control.genai_endpoint_info:
    id: "{{ endpoint_id }}"
  register: result

- name: Show which model each endpoint serves
  ansible.builtin.debug:
    msg: "{{ result.endpoints | items2dict(key_name='display_name', value_name='model_id') }}"
'''

RETURN = r'''
endpoints:
  description:
    - The endpoints found, with snake_case keys (tag keys exactly as stored). Listed endpoints are the service's
      summaries, which carry every field but C(previous_state).
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: OCID of the endpoint.
      type: str
    compartment_id:
      description: OCID of the compartment.
      type: str
    display_name:
      description: Name of the endpoint.
      type: str
    model_id:
      description: OCID of the model the endpoint serves.
      type: str
    dedicated_ai_cluster_id:
      description: OCID of the hosting cluster.
      type: str
    generative_ai_private_endpoint_id:
      description: OCID of the private endpoint.
      type: str
      returned: when set
    content_moderation_config:
      description: Content moderation, with C(is_enabled), C(mode) and C(model_id).
      type: dict
      returned: when the service gives it
    prompt_injection_config:
      description: Prompt injection detection, with C(is_enabled), C(mode) and C(model_id).
      type: dict
      returned: when the service gives it
    pii_detection_config:
      description: PII detection, with C(is_enabled), C(mode) and C(model_id).
      type: dict
      returned: when the service gives it
    lifecycle_state:
      description: Lifecycle state.
      type: str
    time_created:
      description: When the endpoint was created (RFC 3339).
      type: str
    freeform_tags:
      description: Free-form tags.
      type: dict
    defined_tags:
      description: Defined tags.
      type: dict
    lifecycle_details:
      description: What the service says about the state.
      type: str
      returned: when the service gives it
    time_updated:
      description: When the endpoint was last updated (RFC 3339).
      type: str
      returned: when the endpoint has been updated
    system_tags:
      description: Tags the system adds.
      type: dict
      returned: when the service gives them
    description:
      description: Description of the endpoint.
      type: str
      returned: when set
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.genai import ENDPOINT, GENAI


def main():
    run_info_module(ENDPOINT, GENAI)


if __name__ == "__main__":
    main()
