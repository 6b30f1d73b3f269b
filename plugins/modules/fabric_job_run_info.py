#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: fabric_job_run_info
short_description: List or get Huawei Cloud DataArts Fabric job runs
version_added: 0.2.0
description:
  - Gets one job run of a workspace by O(id), or lists the workspace's runs with the service's filters and sort
    order, across every page of results.
  - Runs in check mode. The result is always a list.
  - Job runs are calls of the DataArts Fabric companion service (C(DataArtsFabricEpClient) in the Huawei SDK).
    O(region) alone addresses C(https://fabric-ep.<region>.myhuaweicloud.com); O(endpoint) is the URL of that
    service.
author:
  - cloudai.control developers (@cloudai)
options:
  id:
    description:
      - Id of one run to get. The result is a list of that run, or an empty list if it does not exist.
    type: str
    aliases: [job_run_id]
  workspace_id:
    description:
      - Id of the workspace that holds the runs.
    type: str
    required: true
  name:
    description:
      - Only runs whose name contains this text, as the service matches it.
    type: str
  job_id:
    description:
      - Only runs of this job.
    type: str
  version_id:
    description:
      - Only runs of this job version.
    type: str
  endpoint_id:
    description:
      - Only runs on this endpoint.
    type: str
  status:
    description:
      - Only runs in this status.
    type: str
    choices: [PENDING, CREATING, RUNNING, UPDATING, SUCCEEDED, FAILED, STOPPING, STOPPED, DELETING, DELETED]
  type:
    description:
      - Only runs of jobs of this type.
    type: str
    choices: [RAY_JOB, PYTHON_JOB, SPARK_JOB]
  sort_by:
    description:
      - Field to sort by.
    type: str
    choices: [CREATE_TIME, DURATION]
  order_by:
    description:
      - Sort order.
    type: str
    choices: [ASC, DESC]
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
  - module: cloudai.control.fabric_job_run
'''

EXAMPLES = r'''
- name: List the failed runs of a job
  cloudai.control.fabric_job_run_info:
    workspace_id: "{{ workspace_id }}"
    job_id: "{{ job_id }}"
    status: FAILED
  register: result
'''

RETURN = r'''
job_runs:
  description:
    - The runs found, with the service's snake_case keys; each is valid arguments of
      M(cloudai.control.fabric_job_run).
    - Runs listed carry no C(log_path), C(error_code) and C(error_msg); a run got by O(id) does.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Id of the run.
      type: str
    workspace_id:
      description: Id of the workspace that holds the run (O(workspace_id)).
      type: str
    name:
      description: Name of the run.
      type: str
    job:
      description: The job and version that ran (C(id), C(version_id)).
      type: dict
    endpoint_id:
      description: Id of the endpoint it ran on.
      type: str
    type:
      description: Type of the job.
      type: str
    status:
      description: Status of the run.
      type: str
    duration:
      description: How long it ran.
      type: int
    log_path:
      description: Where its logs are.
      type: list
      elements: dict
      returned: when got by O(id)
    error_code:
      description: The service's error code of a failed run.
      type: str
      returned: when got by O(id) and the run failed
    error_msg:
      description: The service's message of a failed run.
      type: str
      returned: when got by O(id) and the run failed
    create_time:
      description: When the run was started.
      type: str
    update_time:
      description: When the run last changed.
      type: str
    create_user:
      description: Who started the run.
      type: dict
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.fabric_jobs import FABRIC_EP, JOB_RUN


def main():
    run_info_module(JOB_RUN, FABRIC_EP)


if __name__ == "__main__":
    main()
