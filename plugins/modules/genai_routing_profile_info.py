#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: genai_routing_profile_info
short_description: List or get OCI Generative AI routing profiles
version_added: 0.2.0
description:
  - Gets one routing profile by O(id), or lists the routing profiles of a compartment, filtered by the service, across
    every page of results.
  - Runs in check mode. The result is always a list.
author:
  - cloudai.control developers (@cloudai)
options:
  id:
    description:
      - OCID of one routing profile to get. The result is a list of that routing profile, or an empty list if it does not exist.
    type: str
    aliases: [routing_profile_id]
  compartment_id:
    description:
      - OCID of the compartment to list. Required unless O(id) is given.
    type: str
  display_name:
    description:
      - Only routing profiles with exactly this name.
    type: str
  lifecycle_state:
    description:
      - Only routing profiles in this lifecycle state.
    type: str
    choices: [ACTIVE, CREATING, UPDATING, DELETING, DELETED, FAILED]
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
  - module: cloudai.control.genai_routing_profile
'''

EXAMPLES = r'''
- name: List the active routing profiles of a compartment
  cloudai.control.genai_routing_profile_info:
    compartment_id: "{{ compartment_id }}"
    lifecycle_state: ACTIVE
  register: result

- name: Get one routing profile
  cloudai.control.genai_routing_profile_info:
    id: "{{ routing_profile_id }}"
  register: result
'''

RETURN = r'''
routing_profiles:
  description:
    - The routing profiles found, with snake_case keys (tag keys exactly as stored).
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: OCID of the routing profile.
      type: str
      sample: ocid1.generativeairoutingprofile.oc1.us-chicago-1.amaaaaaaexample
    compartment_id:
      description: OCID of the compartment.
      type: str
    display_name:
      description: Name of the routing profile.
      type: str
    description:
      description: Description of the routing profile.
      type: str
      returned: when set
    lifecycle_state:
      description: C(ACTIVE), C(CREATING), C(UPDATING), C(DELETING), C(DELETED) or C(FAILED).
      type: str
    lifecycle_details:
      description: What the service says about the state.
      type: str
      returned: when the service gives it
    time_created:
      description: When the routing profile was created (RFC 3339).
      type: str
    time_updated:
      description: When the routing profile was last updated (RFC 3339).
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
    region_routing_policy:
      description: The regions requests may be routed to, in C(allowed_regions).
      type: dict
      returned: when set
    model_routing_policy:
      description: The models requests may be routed to, in C(allowed_models).
      type: dict
      returned: when set
    previous_state:
      description: The routing profile as it was before the change in progress.
      type: dict
      returned: while the routing profile is being updated
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.genai import GENAI
from ansible_collections.cloudai.control.plugins.module_utils.genai_access import ROUTING_PROFILE


def main():
    run_info_module(ROUTING_PROFILE, GENAI)


if __name__ == "__main__":
    main()
