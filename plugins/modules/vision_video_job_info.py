#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vision_video_job_info
short_description: Get an OCI Vision video job
version_added: 0.1.0
description:
  - Gets one video job by O(id), with its state, progress and output location.
  - The service has no call that lists jobs, so O(id) is required; M(cloudai.control.vision_video_job) returns it when it
    starts the job.
  - Runs in check mode. The result is always a list, empty when there is no such job.
author:
  - cloudai.control developers (@cloudai)
options:
  id:
    description:
      - OCID of the job.
    type: str
    required: true
    aliases: [video_job_id]
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
  - module: cloudai.control.vision_video_job
'''

EXAMPLES = r'''
- name: How far is the job?
  cloudai.control.vision_video_job_info:
    id: "{{ job_id }}"
  register: result

- name: Show its state and progress
  ansible.builtin.debug:
    msg: "{{ result.video_jobs[0].lifecycle_state }} {{ result.video_jobs[0].percent_complete }}%"
'''

RETURN = r'''
video_jobs:
  description: The job, with snake_case keys, as a list of one (or none).
  returned: always
  type: list
  elements: dict
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
      description: The features of the job.
      type: list
      elements: dict
    input_location:
      description: The input objects, under C(object_locations).
      type: dict
    output_location:
      description: Where the results are written, with C(namespace_name), C(bucket_name) and C(prefix).
      type: dict
    lifecycle_state:
      description: C(ACCEPTED), C(IN_PROGRESS), C(SUCCEEDED), C(FAILED), C(CANCELING) or C(CANCELED).
      type: str
    lifecycle_details:
      description: Why a job C(FAILED), C(PARTIALLY_SUCCEEDED) or C(COMPLETELY_FAILED).
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

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.vision import VIDEO_JOB, VISION


def main():
    run_info_module(VIDEO_JOB, VISION)


if __name__ == "__main__":
    main()
