#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vision_stream_source
short_description: Create, update, move and delete OCI Vision stream sources
version_added: 0.2.0
description:
  - Manages a video stream source of OCI Vision, an RTSP camera that Vision reaches through a private endpoint
    (M(cloudai.control.vision_private_endpoint)), for stream jobs (M(cloudai.control.vision_stream_job)) and
    stream groups (M(cloudai.control.vision_stream_group)).
  - The camera's credentials are never an option in clear. They live in an OCI Vault secret, given by its OCID as
    O(stream_source_details.secret_id); a O(stream_source_details.camera_url) that carries a user name or password
    is refused before any request.
  - The stream source is found by O(id), or by O(compartment_id) and O(display_name). A name that matches more than
    one live stream source is an error.
  - O(display_name), O(stream_source_details) and tags are changed in place, through a work request the module
    follows; a new O(compartment_id) moves the stream source.
  - A stream source that stream jobs still use cannot be deleted; delete them first.
author:
  - cloudai.control developers (@cloudai)
options:
  state:
    description:
      - V(present) creates the stream source or brings it to the given options; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - OCID of the stream source. Required to rename it; otherwise O(compartment_id) and O(display_name) find it.
    type: str
    aliases: [stream_source_id]
  compartment_id:
    description:
      - OCID of the compartment that holds the stream source. Required to create one or to find it by name.
      - With O(id), giving another compartment moves the stream source there. Without O(id), the stream source is looked up
        by name in this compartment only.
    type: str
  display_name:
    description:
      - Name of the stream source. Names are not unique in OCI; this module treats them as unique in a compartment.
      - One of O(id) and O(display_name) is required.
    type: str
  stream_source_details:
    description:
      - Where the stream comes from. Required to create a stream source.
    type: dict
    suboptions:
      source_type:
        description:
          - The kind of source; Vision takes RTSP cameras.
        type: str
        choices: [RTSP]
        default: RTSP
      camera_url:
        description:
          - The camera's C(rtsp://) or C(rtsps://) URL, without a user name or password. Required.
        type: str
      secret_id:
        description:
          - OCID of the Vault secret that holds the camera's credentials.
        type: str
      stream_network_access_details:
        description:
          - How Vision reaches the camera. Required.
        type: dict
        suboptions:
          stream_access_type:
            description:
              - V(PRIVATE) is through a private endpoint.
            type: str
            choices: [PRIVATE]
            default: PRIVATE
          private_endpoint_id:
            description:
              - OCID of the private endpoint (M(cloudai.control.vision_private_endpoint)). Required.
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
    details: Predicts the stream source after the change; sends no request that changes anything.
  diff_mode:
    support: full
    details: Shows the managed options before and after.
  platform:
    platforms: all
seealso:
  - module: cloudai.control.vision_stream_source_info
  - module: cloudai.control.vision_private_endpoint
  - module: cloudai.control.vision_stream_job'''

EXAMPLES = r'''
- name: The gate camera, its credentials in a Vault secret
  cloudai.control.vision_stream_source:
    compartment_id: "{{ compartment_id }}"
    display_name: gate-camera
    stream_source_details:
      camera_url: rtsp://10.0.4.21:554/stream1
      secret_id: "{{ gate_camera_secret_id }}"
      stream_network_access_details:
        private_endpoint_id: "{{ endpoint.vision_private_endpoint.id }}"
  register: source
'''

RETURN = r'''
stream_source:
  description:
    - The stream source, with snake_case keys (tag keys exactly as stored).
    - In check mode, the predicted stream source (without C(id) when it would be created).
    - V(null) after O(state=absent).
  returned: always
  type: dict
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
work_request:
  description: The work request that was followed while waiting, with snake_case keys.
  returned: when the change ran as a work request and O(wait=true)
  type: dict
  contains:
    id:
      description: OCID of the work request.
      type: str
    operation_type:
      description: What the work request did, for example C(ADD_STREAM_SOURCE).
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
from ansible_collections.cloudai.control.plugins.module_utils.vision_streams import STREAM_SOURCE


def main():
    run_resource_module(STREAM_SOURCE, VISION)


if __name__ == "__main__":
    main()
