#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vision_stream_group
short_description: Create, update, move and delete OCI Vision stream groups
version_added: 0.2.0
description:
  - Manages a stream group of OCI Vision, stream sources (M(cloudai.control.vision_stream_source)) analysed
    together, with the sets of them whose views overlap, and whether the group is enabled.
  - The stream group is found by O(id), or by O(compartment_id) and O(display_name). A name that matches more than
    one live stream group is an error.
  - Every option is changed in place, through a work request the module follows; a new O(compartment_id) moves the
    stream group. O(stream_source_ids) compares in any order.
author:
  - cloudai.control developers (@cloudai)
options:
  state:
    description:
      - V(present) creates the stream group or brings it to the given options; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - OCID of the stream group. Required to rename it; otherwise O(compartment_id) and O(display_name) find it.
    type: str
    aliases: [stream_group_id]
  compartment_id:
    description:
      - OCID of the compartment that holds the stream group. Required to create one or to find it by name.
      - With O(id), giving another compartment moves the stream group there. Without O(id), the stream group is looked up
        by name in this compartment only.
    type: str
  display_name:
    description:
      - Name of the stream group. Names are not unique in OCI; this module treats them as unique in a compartment.
      - One of O(id) and O(display_name) is required.
    type: str
  is_enabled:
    description:
      - Whether the group is enabled.
    type: bool
  stream_source_ids:
    description:
      - OCIDs of the stream sources of the group, in any order.
    type: list
    elements: str
  stream_overlaps:
    description:
      - The sets of stream sources whose views overlap; each names stream sources of O(stream_source_ids).
    type: list
    elements: dict
    suboptions:
      overlapping_streams:
        description:
          - OCIDs of stream sources that see the same scene.
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
    details: Predicts the stream group after the change; sends no request that changes anything.
  diff_mode:
    support: full
    details: Shows the managed options before and after.
  platform:
    platforms: all
seealso:
  - module: cloudai.control.vision_stream_group_info
  - module: cloudai.control.vision_stream_source'''

EXAMPLES = r'''
- name: The two lobby cameras, which see the same door
  cloudai.control.vision_stream_group:
    compartment_id: "{{ compartment_id }}"
    display_name: lobby
    is_enabled: true
    stream_source_ids: "{{ lobby_camera_ids }}"
    stream_overlaps:
      - overlapping_streams: "{{ lobby_camera_ids }}"

- name: Disable it
  cloudai.control.vision_stream_group:
    compartment_id: "{{ compartment_id }}"
    display_name: lobby
    is_enabled: false
'''

RETURN = r'''
stream_group:
  description:
    - The stream group, with snake_case keys (tag keys exactly as stored).
    - In check mode, the predicted stream group (without C(id) when it would be created).
    - V(null) after O(state=absent).
  returned: always
  type: dict
  contains:
    id:
      description: OCID of the stream group.
      type: str
    compartment_id:
      description: OCID of the compartment.
      type: str
    display_name:
      description: Name of the stream group.
      type: str
    lifecycle_state:
      description: C(CREATING), C(UPDATING), C(ACTIVE), C(DELETING), C(DELETED) or C(FAILED).
      type: str
    time_created:
      description: When the stream group was created (RFC 3339).
      type: str
    time_updated:
      description: When the stream group was last updated (RFC 3339).
      type: str
      returned: when the stream group has been updated
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
    is_enabled:
      description: Whether the group is enabled.
      type: bool
      returned: when set
    stream_source_ids:
      description: OCIDs of the stream sources of the group.
      type: list
      elements: str
      returned: when set
    stream_overlaps:
      description: The sets of stream sources whose views overlap, each with C(overlapping_streams), a list of OCIDs.
      type: list
      elements: dict
      returned: when set
work_request:
  description: The work request that was followed while waiting, with snake_case keys.
  returned: when the change ran as a work request and O(wait=true)
  type: dict
  contains:
    id:
      description: OCID of the work request.
      type: str
    operation_type:
      description: What the work request did, for example C(ADD_STREAM_GROUP).
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
from ansible_collections.cloudai.control.plugins.module_utils.vision_streams import STREAM_GROUP


def main():
    run_resource_module(STREAM_GROUP, VISION)


if __name__ == "__main__":
    main()
