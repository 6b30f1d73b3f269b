#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: fabric_job_run
short_description: Run a Huawei Cloud DataArts Fabric job once, wait for its end, or cancel it
version_added: 0.2.0
description:
  - Runs a version of a DataArts Fabric job (M(cloudai.control.fabric_job)) on an endpoint, once per O(name). The
    run is found by O(id), or by O(name) in the workspace, and a task run again finds the run it started instead of
    starting another. To run the job again, give another name, or delete the old run first (O(purge)).
  - With O(wait=true) the module waits for the run to end. A run that ends C(SUCCEEDED) is the result; one that
    ends C(FAILED) or C(STOPPED) fails the task with the service's C(error_code) and C(error_msg), and so does a
    task that finds such a run by its name.
  - A run cannot be changed. A task whose O(job) or O(endpoint_id) differ from those of the run of that name
    fails.
  - V(absent) cancels a run that has not ended and waits until it has stopped. A run that has ended is left as it
    is, unless O(purge) deletes it.
  - The service has no retry tokens. A run whose response was lost is looked up by name before it is sent again.
  - Job runs are calls of the DataArts Fabric companion service (C(DataArtsFabricEpClient) in the Huawei SDK),
    which is signed the same way. O(region) alone addresses C(https://fabric-ep.<region>.myhuaweicloud.com) (or
    the Huawei SDK's E(HUAWEICLOUD_SDK_REGION_DATAARTSFABRICEP_<REGION>)); O(endpoint) is the URL of that
    service.
author:
  - cloudai.control developers (@cloudai)
options:
  state:
    description:
      - V(present) starts the run unless it exists and waits for its end; V(absent) cancels it.
    type: str
    choices: [present, absent]
    default: present
  purge:
    description:
      - With O(state=absent), also delete the run once it has stopped (or ended), with its status, log paths and
        errors, so that its name can start a new run. A run that has not ended is cancelled first, which needs
        O(wait=true).
    type: bool
    default: false
  id:
    description:
      - Id of the run. Otherwise O(workspace_id) and O(name) find it.
    type: str
    aliases: [job_run_id]
  workspace_id:
    description:
      - Id of the workspace that holds the job.
    type: str
    required: true
  name:
    description:
      - Name of the run, 1-64 letters (of any script), digits, C(-), C(_), C(.) and spaces.
      - One of O(id) and O(name) is required.
    type: str
  job:
    description:
      - The job to run. Required to start a run.
      - Also taken as the dict that RV(job_run.job) and M(cloudai.control.fabric_job_run_info) return.
    type: dict
    suboptions:
      id:
        description: Id of the job (32-36 letters, digits and C(-)).
        type: str
        required: true
      version_id:
        description:
          - Id of the version to run, for example the C(job.current_version.id) that M(cloudai.control.fabric_job)
            returns.
          - Required; the service's C(JobRef) (SDK 3.1.219) requires it.
        type: str
        required: true
  endpoint_id:
    description:
      - Id of the endpoint to run on. Required to start a run.
    type: str
extends_documentation_fragment:
  - cloudai.control.huaweicloud
  - cloudai.control.connection
  - cloudai.control.wait
  - cloudai.control.info_items
  - cloudai.control.huaweicloud.group
  - ansible.builtin.action_common_attributes
attributes:
  check_mode:
    support: full
    details: Predicts a start when no run of that name exists, a cancel and a delete; sends no request that changes
      anything.
  diff_mode:
    support: full
    details: Shows the run's managed options before and after.
  platform:
    platforms: all
notes:
  - The service answers a start with the run's id only; the module reads the run after it.
  - Size O(wait_timeout) to the job; a run that has not ended within it fails the task and goes on running. The next
    task with the same name waits for it again.
seealso:
  - module: cloudai.control.fabric_job
  - module: cloudai.control.fabric_job_run_info
'''

EXAMPLES = r'''
- name: Run the current version of a job and wait for its end
  cloudai.control.fabric_job_run:
    workspace_id: "{{ workspace_id }}"
    name: nightly-eval-2026-12-07
    job:
      id: "{{ job.job.id }}"
      version_id: "{{ job.job.current_version.id }}"
    endpoint_id: "{{ endpoint_id }}"
    wait_timeout: 7200
  register: run

- name: Start a run without waiting
  cloudai.control.fabric_job_run:
    workspace_id: "{{ workspace_id }}"
    name: backfill
    job:
      id: "{{ job.job.id }}"
      version_id: "{{ job.job.current_version.id }}"
    endpoint_id: "{{ endpoint_id }}"
    wait: false

- name: Cancel it
  cloudai.control.fabric_job_run:
    workspace_id: "{{ workspace_id }}"
    name: backfill
    state: absent

- name: Delete it, so that the name can start a new run
  cloudai.control.fabric_job_run:
    workspace_id: "{{ workspace_id }}"
    name: backfill
    state: absent
    purge: true
'''

RETURN = r'''
job_run:
  description:
    - The run, with the service's snake_case keys.
    - In check mode, the predicted run (without C(id) when it would be started).
    - V(null) after O(state=absent).
  returned: always
  type: dict
  contains:
    id:
      description: Id of the run.
      type: str
      sample: 5b0c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4
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
      sample: PYTHON_JOB
    status:
      description: C(PENDING), C(RUNNING), C(SUCCEEDED), C(FAILED), C(STOPPING), C(STOPPED), ...
      type: str
      sample: SUCCEEDED
    duration:
      description: How long it ran.
      type: int
    log_path:
      description: Where its logs are (C(type), C(path)).
      type: list
      elements: dict
    error_code:
      description: The service's error code of a failed run.
      type: str
    error_msg:
      description: The service's message of a failed run.
      type: str
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

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_resource_module
from ansible_collections.cloudai.control.plugins.module_utils.fabric_jobs import FABRIC_EP, JOB_RUN


def main():
    run_resource_module(JOB_RUN, FABRIC_EP)


if __name__ == "__main__":
    main()
