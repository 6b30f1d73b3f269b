#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vision_video_job
short_description: Start, follow and cancel OCI Vision stored video analysis jobs
version_added: 0.1.0
description:
  - Starts a stored video analysis job of OCI Vision over videos in Object Storage (MP4, MOV, MKV, WEBM), once,
    and follows it until it has finished; the results are JSON objects under O(output_location). Cancels a job
    that is still running.
  - Every video feature of the service is accepted (O(features)), with the pretrained models or custom models.
  - Video jobs carry tags (O(freeform_tags), O(defined_tags)); like every option of a job they cannot be changed
    after the start.
  - How C(already started) is decided. The service has no call that lists jobs or finds one by name, so the
    module makes the name work through the create call's retry token. Without O(id), the job is started with an
    C(opc-retry-token) derived from the job type, O(compartment_id), O(display_name) and a generation number
    (first 0). The service answers a token it has seen in the last 24 hours with the job that token started,
    instead of starting another.
  - When that answer is a job the service accepted more than 2 seconds before it answered (by the service's own
    clock, comparing the job's C(time_accepted) with the C(Date) of the answer), the job was started by an earlier run. If
    it is C(SUCCEEDED), C(ACCEPTED) or C(IN_PROGRESS) it counts as already there, C(changed) is false and, with
    O(wait=true), the module waits for it. If it C(FAILED) or was C(CANCELED), the next generation's token is tried,
    so a new job is started. A job accepted within those 2 seconds was started by this task (C(changed=true)),
    unless the host that runs the task started it in an earlier run. Each host records the jobs it starts, by
    token, for 24 hours in C(cloudai.control/starts.json) under C($XDG_CACHE_HOME) (by default C(~/.cache)). So the
    same task run again at once on the same host reports C(changed=false); run from another host less than 2
    seconds later it reports C(changed=true), but starts no second job.
  - The same O(display_name) with other options in the same O(compartment_id) within 24 hours fails the task, since
    the service refuses the token with another request, and a job cannot be changed. Use another O(display_name).
  - After 24 hours the service forgets the token and a run starts a new job. To follow one job for longer, give
    the RV(video_job.id) of the first run as O(id); with O(id) the module only reads the job and waits for it.
  - In check mode a job cannot be looked up by name without starting it, so without O(id) the module predicts a
    start (C(changed=true)) and warns.
  - O(state=absent) needs O(id) for the same reason.
author:
  - cloudai.control developers (@cloudai)
options:
  id:
    description:
      - OCID of a job started before. The module then reads that job (and waits for it), or cancels it with
        O(state=absent); options given must match the job, since a job cannot be changed.
    type: str
    aliases: [video_job_id]
  features:
    description:
      - What to find in each video, at least one feature and each type once. Required to start a job.
    type: list
    elements: dict
    suboptions:
      feature_type:
        description:
          - V(LABEL_DETECTION) labels scenes; V(OBJECT_DETECTION) finds objects; V(OBJECT_TRACKING) follows objects
            from frame to frame; V(TEXT_DETECTION) reads text; V(FACE_DETECTION) finds faces.
        type: str
        required: true
        choices: [FACE_DETECTION, LABEL_DETECTION, OBJECT_DETECTION, OBJECT_TRACKING, TEXT_DETECTION]
      min_confidence:
        description:
          - Leave out what is found with less confidence than this (0 to 1).
        type: float
      max_results:
        description:
          - Most labels, objects or faces to return (at least 1). Not for V(TEXT_DETECTION).
        type: int
      model_id:
        description:
          - OCID of a custom model (M(cloudai.control.vision_model)) to use instead of the pretrained one; an
            V(IMAGE_CLASSIFICATION) model for V(LABEL_DETECTION), an V(OBJECT_DETECTION) model for
            V(OBJECT_DETECTION) and V(OBJECT_TRACKING). Only for those three.
        type: str
      is_landmark_required:
        description:
          - Also return the eyes, nose and mouth of each face, for V(FACE_DETECTION) only.
        type: bool
extends_documentation_fragment:
  - cloudai.control.oci
  - cloudai.control.connection
  - cloudai.control.vision.job
  - cloudai.control.info_items
  - cloudai.control.oci.tags
  - cloudai.control.oci.group
  - ansible.builtin.action_common_attributes
attributes:
  check_mode:
    support: full
    details:
      - Sends no request that changes anything. Without O(id) it cannot tell whether the job was already started and
        predicts a start.
  diff_mode:
    support: full
    details: Shows the managed options before and after.
  platform:
    platforms: all
seealso:
  - module: cloudai.control.vision_video_job_info
  - module: cloudai.control.vision_model
'''

EXAMPLES = r'''
- name: Track vehicles in a traffic camera recording, starting the job once
  cloudai.control.vision_video_job:
    compartment_id: "{{ compartment_id }}"
    display_name: junction-12-2026-11-23
    input_location:
      object_locations:
        - namespace_name: "{{ namespace }}"
          bucket_name: recordings
          object_name: junction-12/2026-11-23.mp4
    features:
      - feature_type: OBJECT_TRACKING
        min_confidence: 0.6
      - feature_type: TEXT_DETECTION
    output_location:
      namespace_name: "{{ namespace }}"
      bucket_name: vision-results
      prefix: traffic
    freeform_tags:
      camera: junction-12
    wait_timeout: 7200
  register: job
'''

RETURN = r'''
video_job:
  description:
    - The job, with snake_case keys.
    - In check mode, the predicted job (without C(id) when it would be started).
    - V(null) after O(state=absent).
  returned: always
  type: dict
  contains:
    id:
      description: OCID of the job.
      type: str
      sample: ocid1.aivisionvideojob.oc1.us-ashburn-1.amaaaaaaexample
    compartment_id:
      description: OCID of the compartment.
      type: str
    display_name:
      description: Name of the job.
      type: str
    features:
      description: The features, as given (with snake_case keys).
      type: list
      elements: dict
    input_location:
      description: The input objects, under C(object_locations).
      type: dict
    output_location:
      description: Where the results are written, with C(namespace_name), C(bucket_name) and C(prefix).
      type: dict
      sample: {"namespace_name": "mynamespace", "bucket_name": "results", "prefix": "traffic"}
    lifecycle_state:
      description: C(ACCEPTED), C(IN_PROGRESS), C(SUCCEEDED), C(FAILED), C(CANCELING) or C(CANCELED).
      type: str
    lifecycle_details:
      description: Why a job C(FAILED), C(PARTIALLY_SUCCEEDED) (some objects were analysed) or C(COMPLETELY_FAILED).
      type: str
      returned: when the job failed
    percent_complete:
      description: Progress in percent.
      type: float
    time_accepted:
      description: When the service accepted the job (RFC 3339).
      type: str
    time_started:
      description: When the job started.
      type: str
      returned: once started
    time_finished:
      description: When the job finished.
      type: str
      returned: once finished
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
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_resource_module
from ansible_collections.cloudai.control.plugins.module_utils.vision import VIDEO_JOB, VISION


def main():
    run_resource_module(VIDEO_JOB, VISION)


if __name__ == "__main__":
    main()
