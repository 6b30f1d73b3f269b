#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vision_stream_job_info
short_description: List or get OCI Vision stream jobs
version_added: 0.2.0
description:
  - Gets one stream job by O(id), or lists the stream jobs of a compartment, filtered by the service, across every page
    of results.
  - Runs in check mode. The result is always a list.
author:
  - cloudai.control developers (@cloudai)
options:
  id:
    description:
      - OCID of one stream job to get. The result is a list of that stream job, or an empty list if it does not exist.
    type: str
    aliases: [stream_job_id]
  compartment_id:
    description:
      - Only those of this compartment (OCID). The service takes it as an optional filter.
    type: str
  display_name:
    description:
      - Only stream jobs with exactly this name.
    type: str
  lifecycle_state:
    description:
      - Only stream jobs in this lifecycle state.
    type: str
    choices: [CREATING, UPDATING, ACTIVE, DELETING, DELETED, FAILED, INACTIVE, NEEDS_ATTENTION]
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
  - module: cloudai.control.vision_stream_job
'''

EXAMPLES = r'''
- name: The stream jobs of a compartment, by name
  cloudai.control.vision_stream_job_info:
    compartment_id: "{{ compartment_id }}"
    sort_by: displayName
  register: result

- name: Show their names
  ansible.builtin.debug:
    msg: "{{ result.stream_jobs | map(attribute='display_name') }}"
'''

RETURN = r'''
stream_jobs:
  description: The stream jobs found, with snake_case keys (tag keys exactly as stored).
  returned: always
  type: list
  elements: dict
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
      description: The participant id of the agent that runs the job (only when got by O(id)).
      type: str
      returned: when got by id and the service gives it
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.vision import VISION
from ansible_collections.cloudai.control.plugins.module_utils.vision_streams import STREAM_JOB


def main():
    run_info_module(STREAM_JOB, VISION)


if __name__ == "__main__":
    main()
