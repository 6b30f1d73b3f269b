#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vision_stream_job
short_description: Create, update, start, stop, move and delete OCI Vision stream jobs
version_added: 0.2.0
description:
  - Manages a stream job of OCI Vision, the analysis of a stream source (M(cloudai.control.vision_stream_source))
    with the given features, whose results go to Object Storage; and whether it runs.
  - A stream job is created stopped (C(INACTIVE)). O(running_state=started) starts it and O(running_state=stopped)
    stops it, through the service's start and stop calls and the work requests the module follows; without
    O(running_state) the job is left as it runs.
  - The stream job is found by O(id), or by O(compartment_id) and O(display_name). A name that matches more than one
    live stream job is an error.
  - O(display_name), O(stream_source_id), O(features), O(stream_output_location) and tags are changed in place,
    through a work request the module follows; a new O(compartment_id) moves the stream job.
author:
  - cloudai.control developers (@cloudai)
options:
  state:
    description:
      - V(present) creates the stream job or brings it to the given options; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - OCID of the stream job. Required to rename it; otherwise O(compartment_id) and O(display_name) find it.
    type: str
    aliases: [stream_job_id]
  compartment_id:
    description:
      - OCID of the compartment that holds the stream job. Required to create one or to find it by name.
      - With O(id), giving another compartment moves the stream job there. Without O(id), the stream job is looked up
        by name in this compartment only.
    type: str
  display_name:
    description:
      - Name of the stream job. Names are not unique in OCI; this module treats them as unique in a compartment.
      - One of O(id) and O(display_name) is required.
    type: str
  running_state:
    description:
      - V(started) runs the job (C(ACTIVE)); V(stopped) stops it (C(INACTIVE)). Left as it is when not given.
      - Starting or stopping needs the job settled (C(ACTIVE) or C(INACTIVE)); with O(wait=false) a job still
        being created or updated is refused.
    type: str
    choices: [started, stopped]
  stream_source_id:
    description:
      - OCID of the stream source to analyse (M(cloudai.control.vision_stream_source)). Required to create a job.
    type: str
  features:
    description:
      - What to look for, at least one feature and each type once. Required to create a job.
    type: list
    elements: dict
    suboptions:
      feature_type:
        description:
          - V(OBJECT_DETECTION) finds objects; V(OBJECT_TRACKING) follows them from frame to frame; V(FACE_DETECTION)
            finds faces.
        type: str
        required: true
        choices: [FACE_DETECTION, OBJECT_DETECTION, OBJECT_TRACKING]
      tracking_types:
        description:
          - What to track, for V(OBJECT_TRACKING) only (and required there).
        type: list
        elements: dict
        suboptions:
          objects:
            description:
              - Names of the objects to track, for example C(face).
            type: list
            elements: str
            required: true
          detection_model_id:
            description:
              - OCID of a custom detection model.
            type: str
          tracking_model_id:
            description:
              - OCID of a custom tracking model.
            type: str
          max_results:
            description:
              - Most objects to track (at least 1).
            type: int
          should_return_landmarks:
            description:
              - Also return the landmarks of each face.
            type: bool
      max_results:
        description:
          - Most objects or faces to return (at least 1). Not for V(OBJECT_TRACKING).
        type: int
      min_confidence:
        description:
          - Leave out what is found with less confidence than this (0 to 1). Not for V(OBJECT_TRACKING).
        type: float
      should_return_landmarks:
        description:
          - Also return the eyes, nose and mouth of each face, for V(FACE_DETECTION) only.
        type: bool
  stream_output_location:
    description:
      - Where the results go. Required to create a job.
    type: dict
    suboptions:
      output_location_type:
        description:
          - V(OBJECT_STORAGE) is a bucket of Object Storage.
        type: str
        choices: [OBJECT_STORAGE]
        default: OBJECT_STORAGE
      namespace_name:
        description:
          - Object Storage namespace.
        type: str
        required: true
      bucket_name:
        description:
          - Bucket name.
        type: str
        required: true
      prefix:
        description:
          - Prefix of the result objects' names.
        type: str
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
    details: Predicts the stream job after the change; sends no request that changes anything.
  diff_mode:
    support: full
    details: Shows the managed options before and after.
  platform:
    platforms: all
seealso:
  - module: cloudai.control.vision_stream_job_info
  - module: cloudai.control.vision_stream_source'''

EXAMPLES = r'''
- name: Track people at the gate, running
  cloudai.control.vision_stream_job:
    compartment_id: "{{ compartment_id }}"
    display_name: gate-people
    stream_source_id: "{{ source.stream_source.id }}"
    features:
      - feature_type: OBJECT_TRACKING
        tracking_types:
          - objects: [person]
            max_results: 20
    stream_output_location:
      namespace_name: "{{ namespace }}"
      bucket_name: vision-streams
      prefix: gate
    running_state: started
  register: job

- name: Stop it for the night
  cloudai.control.vision_stream_job:
    id: "{{ job.stream_job.id }}"
    running_state: stopped
'''

RETURN = r'''
stream_job:
  description:
    - The stream job, with snake_case keys (tag keys exactly as stored).
    - In check mode, the predicted stream job (without C(id) when it would be created).
    - V(null) after O(state=absent).
  returned: always
  type: dict
  contains:
    id:
      description: OCID of the stream job.
      type: str
    compartment_id:
      description: OCID of the compartment.
      type: str
    display_name:
      description: Name of the stream job.
      type: str
    lifecycle_state:
      description: C(CREATING), C(UPDATING), C(ACTIVE), C(DELETING), C(DELETED), C(FAILED), C(INACTIVE) (stopped) or C(NEEDS_ATTENTION).
      type: str
    time_created:
      description: When the stream job was created (RFC 3339).
      type: str
    time_updated:
      description: When the stream job was last updated (RFC 3339).
      type: str
      returned: when the stream job has been updated
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
    stream_source_id:
      description: OCID of the stream source analysed.
      type: str
    features:
      description: What the job looks for, each with C(feature_type) and its settings.
      type: list
      elements: dict
    stream_output_location:
      description: Where the results go, with C(output_location_type), C(namespace_name), C(bucket_name) and C(prefix).
      type: dict
    lifecycle_details:
      description: What the service says about the state.
      type: str
      returned: when the service gives it
    agent_participant_id:
      description: The participant id of the agent that runs the job.
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
      description: What the work request did, for example C(CREATE_STREAM_JOB).
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
from ansible_collections.cloudai.control.plugins.module_utils.vision_streams import STREAM_JOB


def main():
    run_resource_module(STREAM_JOB, VISION)


if __name__ == "__main__":
    main()
