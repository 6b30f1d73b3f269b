#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: genai_api_key_info
short_description: List or get OCI Generative AI API keys
version_added: 0.2.0
description:
  - Gets one API key by O(id), or lists the API keys of a compartment, filtered by the service, across
    every page of results.
  - Runs in check mode. The result is always a list.
  - The secrets of the keys are never returned, even if the service sent them.
author:
  - cloudai.control developers (@cloudai)
options:
  id:
    description:
      - OCID of one API key to get. The result is a list of that API key, or an empty list if it does not exist.
    type: str
    aliases: [api_key_id]
  compartment_id:
    description:
      - OCID of the compartment to list. Required unless O(id) is given.
    type: str
  display_name:
    description:
      - Only API keys with exactly this name.
    type: str
  lifecycle_state:
    description:
      - Only API keys in this lifecycle state.
    type: str
    choices: [ACTIVE, CREATING, INACTIVE, UPDATING, DELETING, DELETED, FAILED]
  sort_by:
    description:
      - Field to sort by. V(timeCreated) sorts newest first and V(displayName) alphabetically, unless O(sort_order) says otherwise.
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
  - module: cloudai.control.genai_api_key
'''

EXAMPLES = r'''
- name: List the active API keys of a compartment
  cloudai.control.genai_api_key_info:
    compartment_id: "{{ compartment_id }}"
    lifecycle_state: ACTIVE
  register: result

- name: Get one API key
  cloudai.control.genai_api_key_info:
    id: "{{ api_key_id }}"
  register: result
'''

RETURN = r'''
api_keys:
  description:
    - The API keys found, with snake_case keys (tag keys exactly as stored).
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: OCID of the API key.
      type: str
      sample: ocid1.generativeaiapikey.oc1.us-chicago-1.amaaaaaaexample
    compartment_id:
      description: OCID of the compartment.
      type: str
    display_name:
      description: Name of the API key.
      type: str
    description:
      description: Description of the API key.
      type: str
      returned: when set
    lifecycle_state:
      description: C(ACTIVE), C(CREATING), C(INACTIVE), C(UPDATING), C(DELETING), C(DELETED) or C(FAILED).
      type: str
    lifecycle_details:
      description: What the service says about the state.
      type: str
      returned: when the service gives it
    time_created:
      description: When the API key was created (RFC 3339).
      type: str
    time_updated:
      description: When the API key was last updated (RFC 3339).
      type: str
      returned: when the service gives it
    freeform_tags:
      description: Free-form tags.
      type: dict
    defined_tags:
      description: Defined tags.
      type: dict
    system_tags:
      description: Tags the system adds.
      type: dict
      returned: when the service gives them
    key_items:
      description:
        - The keys (the service's C(keys)), each with C(key_name), C(key_mask) (the secret with most characters hidden), C(state)
          (C(ACTIVE), C(INACTIVE), C(REVOKED), C(EXPIRED) or C(DELETED)), C(time_created), C(time_expiry) and the
          times of the last changes of state. Never the secret.
      type: list
      elements: dict
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.genai import GENAI
from ansible_collections.cloudai.control.plugins.module_utils.genai_access import API_KEY


def main():
    run_info_module(API_KEY, GENAI)


if __name__ == "__main__":
    main()
