#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: genai_api_key
short_description: Create, update, move, switch, renew and delete OCI Generative AI API keys
version_added: 0.2.0
description:
  - Manages a Generative AI API key, which holds one or more named keys (secrets) that authenticate inference
    requests.
  - The API key is found by O(id), or by O(compartment_id) and O(display_name). A name that matches more than one
    live API key is an error.
  - O(display_name), O(description) and tags are changed in place, at once (there is no work request); a new
    O(compartment_id) moves the API key. The key names (O(key_details)) cannot be changed after creation.
  - Each key is switched on or off with O(key_states), through the service's set-state action, never an update.
  - O(renew) renews one key every time the task runs with it (renewal is an action, not a state), except on the
    run that creates the API key, whose keys are new.
  - B(Secrets.) The service shows a key's secret only in its answer to the create and to a renewal. The module
    returns those secrets once, in RV(api_key_secrets) of the task that created the API key or renewed the key, and
    nowhere else (not in RV(api_key), the diff, warnings, or the info module). Register the result with
    the task's C(no_log) set to true and store the secret in a vault at once, as it cannot be read again.
  - Options that are not given are not managed; for those the service's own defaults apply when the API key is
    created.
author:
  - cloudai.control developers (@cloudai)
options:
  state:
    description:
      - V(present) creates the API key or brings it to the given options; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - OCID of the API key. Required to rename it; otherwise O(compartment_id) and O(display_name) find it.
    type: str
    aliases: [api_key_id]
  compartment_id:
    description:
      - OCID of the compartment that holds the API key. Required to create it or to find it by name.
      - With O(id), giving another compartment moves the API key there.
    type: str
  display_name:
    description:
      - Name of the API key. Names are not unique in OCI; this module treats them as unique in a compartment.
      - One of O(id) and O(display_name) is required.
    type: str
  description:
    description:
      - Description of the API key.
    type: str
  key_details:
    description:
      - The keys of the API key, each with a name and an expiry. Required to create it.
      - Only the key names are compared with the API key (the expiry changes with each renewal); other names are
        refused, as keys cannot be added or removed after creation.
    type: list
    elements: dict
    suboptions:
      key_name:
        description:
          - Name of the key, unique in the API key.
        type: str
        required: true
      time_expiry:
        description:
          - When the key expires, in RFC 3339 (for example V(2027-01-01T00:00:00Z)).
        type: str
        required: true
  key_states:
    description:
      - Key name to V(ACTIVE) or V(INACTIVE); the keys not named are left as they are. A name the API key does not
        have is an error.
      - New keys are V(ACTIVE).
    type: dict
  renew:
    description:
      - Renew one key, giving it a new secret and expiry. The task then reports a change and returns the new secret
        in RV(api_key_secrets); check mode predicts the renewal and sends nothing.
    type: dict
    suboptions:
      key_name:
        description:
          - Name of the key to renew.
        type: str
        required: true
      time_expiry:
        description:
          - When the renewed key expires, in RFC 3339.
        type: str
        required: true
extends_documentation_fragment:
  - cloudai.control.oci
  - cloudai.control.connection
  - cloudai.control.oci.tags
  - cloudai.control.wait
  - cloudai.control.info_items
  - cloudai.control.oci.group
  - ansible.builtin.action_common_attributes
attributes:
  check_mode:
    support: full
    details: Predicts the API key after the change; sends no request that changes anything.
  diff_mode:
    support: full
    details: Shows the managed options before and after.
  platform:
    platforms: all
seealso:
  - module: cloudai.control.genai_api_key_info
'''

EXAMPLES = r'''
- name: An API key with two keys; keep its secrets out of the log and put them in a vault
  cloudai.control.genai_api_key:
    compartment_id: "{{ compartment_id }}"
    display_name: chat-client
    key_details:
      - key_name: primary
        time_expiry: "2027-01-01T00:00:00Z"
      - key_name: secondary
        time_expiry: "2027-06-01T00:00:00Z"
  register: api_key
  no_log: true

- name: Switch the secondary key off
  cloudai.control.genai_api_key:
    compartment_id: "{{ compartment_id }}"
    display_name: chat-client
    key_states:
      secondary: INACTIVE

- name: Rotate the primary key (every run with renew renews it)
  cloudai.control.genai_api_key:
    compartment_id: "{{ compartment_id }}"
    display_name: chat-client
    renew:
      key_name: primary
      time_expiry: "2028-01-01T00:00:00Z"
  register: renewed
  no_log: true
'''

RETURN = r'''
api_key:
  description:
    - The API key, with snake_case keys (tag keys exactly as stored).
    - In check mode, the predicted API key (without C(id) when it would be created).
    - V(null) after O(state=absent).
  returned: always
  type: dict
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
api_key_secrets:
  description:
    - The secrets of the keys that this task created or renewed, each with C(key_name), C(key) (the secret) and
      C(time_expiry). The service never shows them again.
  returned: when the task created the API key or renewed a key (not in check mode)
  type: list
  elements: dict
  contains:
    key_name:
      description: Name of the key.
      type: str
    key:
      description: The secret.
      type: str
    time_expiry:
      description: When the key expires (RFC 3339).
      type: str
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_resource_module
from ansible_collections.cloudai.control.plugins.module_utils.genai import GENAI
from ansible_collections.cloudai.control.plugins.module_utils.genai_access import API_KEY


def main():
    run_resource_module(API_KEY, GENAI)


if __name__ == "__main__":
    main()
