#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vision_stream_source_info
short_description: List or get OCI Vision stream sources
version_added: 0.2.0
description:
  - Gets one stream source by O(id), or lists the stream sources of a compartment, filtered by the service, across every page
    of results.
  - Runs in check mode. The result is always a list.
author:
  - cloudai.control developers (@cloudai)
options:
  id:
    description:
      - OCID of one stream source to get. The result is a list of that stream source, or an empty list if it does not exist.
    type: str
    aliases: [stream_source_id]
  compartment_id:
    description:
      - Only those of this compartment (OCID). The service takes it as an optional filter.
    type: str
  display_name:
    description:
      - Only stream sources with exactly this name.
    type: str
  lifecycle_state:
    description:
      - Only stream sources in this lifecycle state.
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
  - module: cloudai.control.vision_stream_source
'''

EXAMPLES = r'''
- name: The stream sources of a compartment, by name
  cloudai.control.vision_stream_source_info:
    compartment_id: "{{ compartment_id }}"
    sort_by: displayName
  register: result

- name: Show their names
  ansible.builtin.debug:
    msg: "{{ result.stream_sources | map(attribute='display_name') }}"
'''

RETURN = r'''
stream_sources:
  description: The stream sources found, with snake_case keys (tag keys exactly as stored).
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: OCID of the stream source.
      type: str
    compartment_id:
      description: OCID of the compartment.
      type: str
    display_name:
      description: Name of the stream source.
      type: str
    lifecycle_state:
      description: C(CREATING), C(UPDATING), C(ACTIVE), C(DELETING), C(DELETED) or C(FAILED).
      type: str
    time_created:
      description: When the stream source was created (RFC 3339).
      type: str
    time_updated:
      description: When the stream source was last updated (RFC 3339).
      type: str
      returned: when the stream source has been updated
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
    stream_source_details:
      description: Where the stream comes from.
      type: dict
      contains:
        source_type:
          description: C(RTSP).
          type: str
        camera_url:
          description: The camera's RTSP URL.
          type: str
        secret_id:
          description: OCID of the Vault secret that holds the camera's credentials.
          type: str
          returned: when set
        stream_network_access_details:
          description: How Vision reaches the camera, with C(stream_access_type) (C(PRIVATE)) and C(private_endpoint_id).
          type: dict
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.vision import VISION
from ansible_collections.cloudai.control.plugins.module_utils.vision_streams import STREAM_SOURCE


def main():
    run_info_module(STREAM_SOURCE, VISION)


if __name__ == "__main__":
    main()
