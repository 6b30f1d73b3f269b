#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vision_stream_group_info
short_description: List or get OCI Vision stream groups
version_added: 0.2.0
description:
  - Gets one stream group by O(id), or lists the stream groups of a compartment, filtered by the service, across every page
    of results.
  - Runs in check mode. The result is always a list.
author:
  - cloudai.control developers (@cloudai)
options:
  id:
    description:
      - OCID of one stream group to get. The result is a list of that stream group, or an empty list if it does not exist.
    type: str
    aliases: [stream_group_id]
  compartment_id:
    description:
      - Only those of this compartment (OCID). The service takes it as an optional filter.
    type: str
  display_name:
    description:
      - Only stream groups with exactly this name.
    type: str
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
  - module: cloudai.control.vision_stream_group
'''

EXAMPLES = r'''
- name: The stream groups of a compartment, by name
  cloudai.control.vision_stream_group_info:
    compartment_id: "{{ compartment_id }}"
    sort_by: displayName
  register: result

- name: Show their names
  ansible.builtin.debug:
    msg: "{{ result.stream_groups | map(attribute='display_name') }}"
'''

RETURN = r'''
stream_groups:
  description: The stream groups found, with snake_case keys (tag keys exactly as stored).
  returned: always
  type: list
  elements: dict
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
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.vision import VISION
from ansible_collections.cloudai.control.plugins.module_utils.vision_streams import STREAM_GROUP


def main():
    run_info_module(STREAM_GROUP, VISION)


if __name__ == "__main__":
    main()
