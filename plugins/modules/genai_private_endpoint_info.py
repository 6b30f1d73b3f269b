#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: genai_private_endpoint_info
short_description: List or get OCI Generative AI private endpoints
version_added: 0.2.0
description:
  - Gets one private endpoint by O(id), or lists the private endpoints of a compartment, filtered by the service, across
    every page of results.
  - Runs in check mode. The result is always a list.
author:
  - cloudai.control developers (@cloudai)
options:
  id:
    description:
      - OCID of one private endpoint to get. The result is a list of that private endpoint, or an empty list if it does not exist.
    type: str
    aliases: [private_endpoint_id]
  compartment_id:
    description:
      - OCID of the compartment to list. Required unless O(id) is given.
    type: str
  display_name:
    description:
      - Only private endpoints with exactly this name.
    type: str
  lifecycle_state:
    description:
      - Only private endpoints in this lifecycle state.
    type: str
    choices: [ACTIVE, CREATING, UPDATING, DELETING, DELETED, FAILED]
  resource_type:
    description:
      - Only private endpoints for this type of resource.
    type: str
    choices: [APPLICATION, ENDPOINT]
  sort_by:
    description:
      - Field to sort by. V(timeCreated) sorts newest first, unless O(sort_order) says otherwise.
    type: str
    choices: [timeCreated]
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
  - module: cloudai.control.genai_private_endpoint
'''

EXAMPLES = r'''
- name: List the active private endpoints of a compartment
  cloudai.control.genai_private_endpoint_info:
    compartment_id: "{{ compartment_id }}"
    lifecycle_state: ACTIVE
  register: result

- name: Get one private endpoint
  cloudai.control.genai_private_endpoint_info:
    id: "{{ private_endpoint_id }}"
  register: result
'''

RETURN = r'''
private_endpoints:
  description:
    - The private endpoints found, with snake_case keys (tag keys exactly as stored).
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: OCID of the private endpoint.
      type: str
      sample: ocid1.generativeaiprivateendpoint.oc1.us-chicago-1.amaaaaaaexample
    compartment_id:
      description: OCID of the compartment.
      type: str
    display_name:
      description: Name of the private endpoint.
      type: str
    description:
      description: Description of the private endpoint.
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
      description: When the private endpoint was created (RFC 3339).
      type: str
    time_updated:
      description: When the private endpoint was last updated (RFC 3339).
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
    subnet_id:
      description: OCID of the subnet.
      type: str
    fqdn:
      description: Fully qualified domain name of the private endpoint.
      type: str
    private_endpoint_ip:
      description: Private IP address of the private endpoint.
      type: str
      returned: when the service gives it
    nsg_ids:
      description: OCIDs of the network security groups.
      type: list
      elements: str
      returned: when set
    is_allow_on_demand:
      description: Whether on-demand models are reachable through it.
      type: bool
      returned: when the service gives it
    resource_type:
      description: C(APPLICATION) or C(ENDPOINT).
      type: str
      returned: when the service gives it
    security_attributes:
      description: Security attributes (Zero Trust Packet Routing), as the service gives them.
      type: dict
      returned: when the service gives them
    previous_state:
      description: The private endpoint as it was before the change in progress.
      type: dict
      returned: while the private endpoint is being updated
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.genai import GENAI
from ansible_collections.cloudai.control.plugins.module_utils.genai_access import PRIVATE_ENDPOINT


def main():
    run_info_module(PRIVATE_ENDPOINT, GENAI)


if __name__ == "__main__":
    main()
