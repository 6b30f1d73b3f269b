#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: genai_routing_profile
short_description: Create, update, move and delete OCI Generative AI routing profiles
version_added: 0.2.0
description:
  - Manages a Generative AI routing profile, which restricts the regions and the models that requests may be routed
    to.
  - The routing profile is found by O(id), or by O(compartment_id) and O(display_name). A name that matches more
    than one live routing profile is an error.
  - Every option is changed in place, at once (there is no work request); a new O(compartment_id) moves the
    routing profile.
  - Options that are not given are not managed; for those the service's own defaults apply when the routing profile is
    created.
author:
  - cloudai.control developers (@cloudai)
options:
  state:
    description:
      - V(present) creates the routing profile or brings it to the given options; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - OCID of the routing profile. Required to rename it; otherwise O(compartment_id) and O(display_name) find it.
    type: str
    aliases: [routing_profile_id]
  compartment_id:
    description:
      - OCID of the compartment that holds the routing profile. Required to create it or to find it by name.
      - With O(id), giving another compartment moves the routing profile there.
    type: str
  display_name:
    description:
      - Name of the routing profile. Names are not unique in OCI; this module treats them as unique in a compartment.
      - One of O(id) and O(display_name) is required.
    type: str
  description:
    description:
      - Description of the routing profile.
    type: str
  region_routing_policy:
    description:
      - The regions requests may be routed to.
    type: dict
    suboptions:
      allowed_regions:
        description:
          - Region identifiers, for example V(us-chicago-1), in order of preference.
        type: list
        elements: str
        required: true
  model_routing_policy:
    description:
      - The models requests may be routed to.
    type: dict
    suboptions:
      allowed_models:
        description:
          - Model names or OCIDs.
        type: list
        elements: str
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
    details: Predicts the routing profile after the change; sends no request that changes anything.
  diff_mode:
    support: full
    details: Shows the managed options before and after.
  platform:
    platforms: all
seealso:
  - module: cloudai.control.genai_routing_profile_info
'''

EXAMPLES = r'''
- name: Keep requests in two regions, on two models
  cloudai.control.genai_routing_profile:
    compartment_id: "{{ compartment_id }}"
    display_name: eu-only
    region_routing_policy:
      allowed_regions: [eu-frankfurt-1, eu-amsterdam-1]
    model_routing_policy:
      allowed_models: [cohere.command-r-08-2024, meta.llama-3.3-70b-instruct]
'''

RETURN = r'''
routing_profile:
  description:
    - The routing profile, with snake_case keys (tag keys exactly as stored).
    - In check mode, the predicted routing profile (without C(id) when it would be created).
    - V(null) after O(state=absent).
  returned: always
  type: dict
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

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_resource_module
from ansible_collections.cloudai.control.plugins.module_utils.genai import GENAI
from ansible_collections.cloudai.control.plugins.module_utils.genai_access import ROUTING_PROFILE


def main():
    run_resource_module(ROUTING_PROFILE, GENAI)


if __name__ == "__main__":
    main()
