#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vision_private_endpoint_info
short_description: List or get OCI Vision private endpoints
version_added: 0.2.0
description:
  - Gets one private endpoint by O(id), or lists the private endpoints of a compartment, filtered by the service, across every page
    of results.
  - Runs in check mode. The result is always a list.
author:
  - cloudai.control developers (@cloudai)
options:
  id:
    description:
      - OCID of one private endpoint to get. The result is a list of that private endpoint, or an empty list if it does not exist.
    type: str
    aliases: [vision_private_endpoint_id]
  compartment_id:
    description:
      - Only those of this compartment (OCID). The service takes it as an optional filter.
    type: str
  display_name:
    description:
      - Only private endpoints with exactly this name.
    type: str
  lifecycle_state:
    description:
      - Only private endpoints in this lifecycle state.
    type: str
    choices: [CREATING, UPDATING, ACTIVE, DELETING, DELETED, FAILED]
  sort_by:
    description:
      - Field to sort by. The service's default is V(timeCreated), newest first; V(displayName) sorts A to Z.
    type: str
    choices: [timeCreated, displayName]
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
  - module: cloudai.control.vision_private_endpoint
'''

EXAMPLES = r'''
- name: The private endpoints of a compartment, by name
  cloudai.control.vision_private_endpoint_info:
    compartment_id: "{{ compartment_id }}"
    sort_by: displayName
  register: result

- name: Show their names
  ansible.builtin.debug:
    msg: "{{ result.vision_private_endpoints | map(attribute='display_name') }}"
'''

RETURN = r'''
vision_private_endpoints:
  description: The private endpoints found, with snake_case keys (tag keys exactly as stored).
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: OCID of the private endpoint.
      type: str
    compartment_id:
      description: OCID of the compartment.
      type: str
    display_name:
      description: Name of the private endpoint.
      type: str
    lifecycle_state:
      description: C(CREATING), C(UPDATING), C(ACTIVE), C(DELETING), C(DELETED) or C(FAILED).
      type: str
    time_created:
      description: When the private endpoint was created (RFC 3339).
      type: str
    time_updated:
      description: When the private endpoint was last updated (RFC 3339).
      type: str
      returned: when the private endpoint has been updated
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
    subnet_id:
      description: OCID of the subnet.
      type: str
    description:
      description: Description of the private endpoint (only when got by O(id); the list call leaves it out).
      type: str
      returned: when got by id and set
    lifecycle_details:
      description: What the service says about the state.
      type: str
      returned: when the service gives it
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.vision import VISION
from ansible_collections.cloudai.control.plugins.module_utils.vision_streams import PRIVATE_ENDPOINT


def main():
    run_info_module(PRIVATE_ENDPOINT, VISION)


if __name__ == "__main__":
    main()
