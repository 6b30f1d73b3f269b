#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: genai_private_endpoint
short_description: Create, update, move and delete OCI Generative AI private endpoints
version_added: 0.2.0
description:
  - Manages a Generative AI private endpoint, through which Generative AI endpoints (or hosted applications) are
    reached from a private network (a subnet of a VCN) instead of the public internet.
  - The private endpoint is found by O(id), or by O(compartment_id) and O(display_name). A name that matches more
    than one live private endpoint is an error.
  - O(display_name), O(description), O(dns_prefix), O(nsg_ids), O(is_allow_on_demand) and tags are changed in
    place; a new O(compartment_id) moves it. O(subnet_id) and O(resource_type) cannot be changed after creation.
  - Changes run as work requests, which the module follows while O(wait=true).
  - A private endpoint that an endpoint uses cannot be deleted; the module names the endpoints.
  - Options that are not given are not managed; for those the service's own defaults apply when the private endpoint is
    created.
author:
  - cloudai.control developers (@cloudai)
options:
  state:
    description:
      - V(present) creates the private endpoint or brings it to the given options; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - OCID of the private endpoint. Required to rename it; otherwise O(compartment_id) and O(display_name) find it.
    type: str
    aliases: [private_endpoint_id]
  compartment_id:
    description:
      - OCID of the compartment that holds the private endpoint. Required to create it or to find it by name.
      - With O(id), giving another compartment moves the private endpoint there.
    type: str
  display_name:
    description:
      - Name of the private endpoint. Names are not unique in OCI; this module treats them as unique in a compartment.
      - One of O(id) and O(display_name) is required.
    type: str
  description:
    description:
      - Description of the private endpoint.
    type: str
  subnet_id:
    description:
      - OCID of the subnet the private endpoint is placed in. Required to create it; cannot be changed afterwards.
    type: str
  dns_prefix:
    description:
      - First label of the private endpoint's fully qualified domain name (C(fqdn) in the result). Required to
        create it.
      - The service answers the C(fqdn), never the prefix, so the module compares the prefix with the first label of the
        C(fqdn).
    type: str
  nsg_ids:
    description:
      - OCIDs of the network security groups of the private endpoint, in any order.
    type: list
    elements: str
  is_allow_on_demand:
    description:
      - Whether on-demand (shared) models can also be reached through the private endpoint.
    type: bool
  resource_type:
    description:
      - What the private endpoint is for; V(ENDPOINT) for Generative AI endpoints. Cannot be changed after creation.
    type: str
    choices: [APPLICATION, ENDPOINT]
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
    details: Predicts the private endpoint after the change; sends no request that changes anything.
  diff_mode:
    support: full
    details: Shows the managed options before and after.
  platform:
    platforms: all
seealso:
  - module: cloudai.control.genai_private_endpoint_info
  - module: cloudai.control.genai_endpoint
'''

EXAMPLES = r'''
- name: A private endpoint in a subnet, for Generative AI endpoints
  cloudai.control.genai_private_endpoint:
    compartment_id: "{{ compartment_id }}"
    display_name: genai-private
    subnet_id: "{{ subnet_id }}"
    dns_prefix: genai-private
    resource_type: ENDPOINT
    nsg_ids:
      - "{{ nsg_id }}"
  register: private_endpoint

- name: Serve an endpoint through it
  cloudai.control.genai_endpoint:
    compartment_id: "{{ compartment_id }}"
    display_name: support-chat
    model_id: "{{ model_id }}"
    dedicated_ai_cluster_id: "{{ hosting_cluster_id }}"
    generative_ai_private_endpoint_id: "{{ private_endpoint.private_endpoint.id }}"

- name: Delete the private endpoint
  cloudai.control.genai_private_endpoint:
    compartment_id: "{{ compartment_id }}"
    display_name: genai-private
    state: absent
'''

RETURN = r'''
private_endpoint:
  description:
    - The private endpoint, with snake_case keys (tag keys exactly as stored).
    - In check mode, the predicted private endpoint (without C(id) when it would be created).
    - V(null) after O(state=absent).
  returned: always
  type: dict
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
work_request:
  description: The work request that was followed while waiting, with snake_case keys.
  returned: when the change ran as a work request and O(wait=true)
  type: dict
  contains:
    id:
      description: OCID of the work request.
      type: str
    operation_type:
      description: What the work request did, for example C(CREATE_PRIVATE_ENDPOINT).
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
from ansible_collections.cloudai.control.plugins.module_utils.genai_access import PRIVATE_ENDPOINT


def main():
    run_resource_module(PRIVATE_ENDPOINT, GENAI)


if __name__ == "__main__":
    main()
