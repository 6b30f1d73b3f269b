# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    # Options every OCI Vision batch job module shares (plugins/module_utils/vision.py _job).
    JOB = r'''
options:
  state:
    description:
      - V(present) starts the job unless it was already started (see the description), and with O(wait=true)
        waits until it has finished.
      - V(absent) cancels the job given by O(id) if it is still C(ACCEPTED) or C(IN_PROGRESS); a job that has
        finished is left as it is. Jobs cannot be deleted.
    type: str
    choices: [present, absent]
    default: present
  compartment_id:
    description:
      - OCID of the compartment the job runs in. Required to start a job; with the O(display_name) it identifies
        the job between runs.
      - With O(id), it must be the job's compartment (jobs cannot move).
    type: str
  display_name:
    description:
      - Name of the job; with O(compartment_id) it decides whether the job was already started.
      - One of O(id) and O(display_name) is required.
    type: str
  input_location:
    description:
      - The objects to analyse. Required to start a job; a job cannot be changed afterwards.
    type: dict
    suboptions:
      source_type:
        description:
          - How the input is given. The service has one way, an inline list of Object Storage objects.
        type: str
        choices: [OBJECT_LIST_INLINE_INPUT_LOCATION]
        default: OBJECT_LIST_INLINE_INPUT_LOCATION
      object_locations:
        description:
          - The objects, at most 2,000 per job.
        type: list
        elements: dict
        required: true
        suboptions:
          namespace_name:
            description: Object Storage namespace.
            type: str
            required: true
          bucket_name:
            description: Bucket name.
            type: str
            required: true
          object_name:
            description: Object name.
            type: str
            required: true
  output_location:
    description:
      - Where the service writes the results, one JSON object per input object under
        C(<prefix>/<job OCID>/). Required to start a job.
    type: dict
    suboptions:
      namespace_name:
        description: Object Storage namespace.
        type: str
        required: true
      bucket_name:
        description: Bucket name.
        type: str
        required: true
      prefix:
        description: Prefix of the result objects' names.
        type: str
        required: true
  wait:
    description:
      - Wait until the job has finished (C(SUCCEEDED)); a job that ends C(FAILED) or C(CANCELED) fails the task.
      - With O(state=absent), wait until the cancelled job has stopped.
    type: bool
    default: true
  wait_timeout:
    description:
      - Seconds to wait when O(wait=true). When the time runs out the task fails, and the result still holds the
        job's O(id) and the last state seen; running the task again picks up the same job.
    type: int
    default: 1200
'''
