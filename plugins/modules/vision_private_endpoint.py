#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vision_private_endpoint
short_description: Create, update, move and delete OCI Vision private endpoints
version_added: 0.2.0
description:
  - Manages a private endpoint of OCI Vision on a subnet of a VCN, through which Vision reaches video streams that
    are not on the internet (M(cloudai.control.vision_stream_source)).
  - The private endpoint is found by O(id), or by O(compartment_id) and O(display_name). A name that matches more
    than one live private endpoint is an error.
  - O(display_name), O(description) and tags are changed in place, through a work request the module follows; a new
    O(compartment_id) moves the private endpoint. O(subnet_id) cannot change.
  - Creates are safe to retry; updates, moves and deletes send the private endpoint's etag, so a concurrent change is
    not overwritten.
  - A private endpoint that stream sources still use cannot be deleted; delete them first.
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
    aliases: [vision_private_endpoint_id]
  compartment_id:
    description:
      - OCID of the compartment that holds the private endpoint. Required to create one or to find it by name.
      - With O(id), giving another compartment moves the private endpoint there. Without O(id), the private endpoint is looked up
        by name in this compartment only.
    type: str
  display_name:
    description:
      - Name of the private endpoint. Names are not unique in OCI; this module treats them as unique in a compartment.
      - One of O(id) and O(display_name) is required.
    type: str
  subnet_id:
    description:
      - OCID of the subnet the private endpoint is placed on. Required to create one; it cannot change.
    type: str
  description:
    description:
      - Description of the private endpoint.
    type: str
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
  - module: cloudai.control.vision_private_endpoint_info
  - module: cloudai.control.vision_stream_source'''

EXAMPLES = r'''
- name: A private endpoint on the camera network's subnet
  cloudai.control.vision_private_endpoint:
    compartment_id: "{{ compartment_id }}"
    display_name: cameras
    subnet_id: "{{ camera_subnet_id }}"
    description: Reaches the RTSP cameras of the plant
  register: endpoint

- name: Move it to another compartment
  cloudai.control.vision_private_endpoint:
    id: "{{ endpoint.vision_private_endpoint.id }}"
    compartment_id: "{{ production_compartment_id }}"

- name: Delete it
  cloudai.control.vision_private_endpoint:
    id: "{{ endpoint.vision_private_endpoint.id }}"
    state: absent
'''

RETURN = r'''
vision_private_endpoint:
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
      description: Description of the private endpoint.
      type: str
      returned: when set
    lifecycle_details:
      description: What the service says about the state.
      type: str
      returned: when the service gives it
work_request:
  description: The work request that was followed while waiting, with snake_case keys.
  returned: when the change ran as a work request and O(wait=true)
  type: dict
  contains:
    id:
      description: OCID of the work request.
      type: str
    operation_type:
      description: What the work request did, for example C(CREATE_VISION_PRIVATE_ENDPOINT).
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
from ansible_collections.cloudai.control.plugins.module_utils.vision import VISION
from ansible_collections.cloudai.control.plugins.module_utils.vision_streams import PRIVATE_ENDPOINT


def main():
    run_resource_module(PRIVATE_ENDPOINT, VISION)


if __name__ == "__main__":
    main()
