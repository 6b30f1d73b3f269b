#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: fabric_job_info
short_description: List or get Huawei Cloud DataArts Fabric jobs, with their versions
version_added: 0.2.0
description:
  - Gets one job of a workspace by O(id), or lists the workspace's jobs with the service's filters and sort order,
    across every page of results; optionally with each job's versions.
  - Runs in check mode. The result is always a list.
author:
  - cloudai.control developers (@cloudai)
options:
  id:
    description:
      - Id of one job to get. The result is a list of that job, or an empty list if it does not exist.
    type: str
    aliases: [job_id]
  workspace_id:
    description:
      - Id of the workspace that holds the jobs.
    type: str
    required: true
  name:
    description:
      - Only jobs whose name contains this text, as the service matches it.
    type: str
  type:
    description:
      - Only jobs of this type.
    type: str
    choices: [RAY_JOB, PYTHON_JOB, SPARK_JOB]
  endpoint_id:
    description:
      - Only jobs that run on this endpoint by default.
    type: str
  create_by_me:
    description:
      - V(true) lists only the jobs the caller created; otherwise the jobs of every user of the account.
    type: bool
  sort_by:
    description:
      - Field to sort by; the service sorts by V(CREATE_TIME) when it is not given.
    type: str
    choices: [CREATE_TIME, UPDATE_TIME, NAME]
  order_by:
    description:
      - Sort order; the service sorts V(DESC) when it is not given.
    type: str
    choices: [ASC, DESC]
  include_versions:
    description:
      - Add each job's versions under C(versions), newest first. This costs one more request per job.
    type: bool
    default: false
extends_documentation_fragment:
  - cloudai.control.huaweicloud
  - cloudai.control.connection
  - cloudai.control.huaweicloud.group
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
  - module: cloudai.control.fabric_job
'''

EXAMPLES = r'''
- name: List the Python jobs of a workspace, with their versions
  cloudai.control.fabric_job_info:
    workspace_id: "{{ workspace_id }}"
    type: PYTHON_JOB
    include_versions: true
  register: result

- name: Show the versions of each job
  ansible.builtin.debug:
    msg: "{{ item.name }}: {{ item.versions | map(attribute='name') | join(', ') }} (current {{ item.current_version.name }})"
  loop: "{{ result.jobs }}"
  loop_control:
    label: "{{ item.name }}"
'''

RETURN = r'''
jobs:
  description:
    - The jobs found, with the service's snake_case keys; each is valid arguments of M(cloudai.control.fabric_job).
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Id of the job.
      type: str
    workspace_id:
      description: Id of the workspace that holds the job.
      type: str
    name:
      description: Name of the job.
      type: str
    description:
      description: Description of the job.
      type: str
    type:
      description: Type of the job.
      type: str
    visibility:
      description: V(PRIVATE) or V(PUBLIC).
      type: str
    current_endpoint_id:
      description: Id of the endpoint the job runs on by default.
      type: str
    current_version:
      description: The current version, with C(id), C(name), C(description), C(config), C(cap_white_list),
        C(dependence_framework), C(create_time) and C(create_user).
      type: dict
    versions:
      description: Every version of the job, newest first, each like C(current_version).
      type: list
      elements: dict
      returned: when O(include_versions=true)
    create_time:
      description: When the job was created.
      type: str
    update_time:
      description: When the job was last changed.
      type: str
    create_user:
      description: Who created the job.
      type: dict
    update_user:
      description: Who last changed the job.
      type: dict
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.fabric_jobs import FABRIC, JOB


def main():
    run_info_module(JOB, FABRIC)


if __name__ == "__main__":
    main()
