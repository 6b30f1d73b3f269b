#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: fabric_job
short_description: Create, update and delete Huawei Cloud DataArts Fabric jobs and their versions
version_added: 0.2.0
description:
  - Manages a job of a DataArts Fabric workspace and its versions. A job is a definition (name, type, description,
    the endpoint it runs on by default) with one or more versions; each version holds what runs (a Ray, Python or
    Spark configuration) and how (timeout, retries, queueing, concurrent runs). One version is the job's current
    version. M(cloudai.control.fabric_job_run) runs a version of a job on an endpoint.
  - The job is found by O(id), or by O(name) in the workspace; job names are unique in a workspace.
  - O(description) and O(current_endpoint_id) are changed in place; O(type) cannot be changed after creation.
  - Versions are handled as M(cloudai.control.fabric_model) handles a model's versions. A O(version) is added when
    the job has no version of that name. A version cannot be changed, so one of that name with other content is an
    error. O(current_version) chooses the version in use. Versions are removed only when asked, with
    O(version.state=absent) or O(purge_versions); the current version is never removed.
  - Options that are not given are not managed.
  - The service has no retry tokens. A create whose response was lost is looked up by name before it is sent again.
author:
  - cloudai.control developers (@cloudai)
options:
  state:
    description:
      - V(present) creates the job or brings it and its versions to the given options; V(absent) deletes the job
        with all its versions.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - Id of the job. Otherwise O(workspace_id) and O(name) find it.
    type: str
    aliases: [job_id]
  workspace_id:
    description:
      - Id of the workspace that holds the job.
    type: str
    required: true
  name:
    description:
      - Name of the job, 1-64 letters (of any script), digits, C(-), C(_), C(.) and spaces.
      - One of O(id) and O(name) is required.
    type: str
  type:
    description:
      - Type of the job. Required to create a job; cannot be changed afterwards.
    type: str
    choices: [RAY_JOB, PYTHON_JOB, SPARK_JOB]
  description:
    description:
      - Description of the job, up to 1024 characters.
    type: str
  current_endpoint_id:
    description:
      - Id of the endpoint the job runs on by default (32-36 letters, digits and C(-)).
    type: str
  version:
    description:
      - A version the job must have (or, with O(version.state=absent), must not have).
      - Required to create a job; the job's first version becomes its current version.
      - When the job exists and has no version of this name, the version is added. The service makes an added
        version the current one unless O(current_version) names another.
    type: dict
    suboptions:
      name:
        description:
          - Name of the version, 1-64 letters, digits, C(-), C(_), C(.) and spaces, unique in the job.
        type: str
        required: true
      description:
        description:
          - Description of the version, up to 1024 characters.
        type: str
      cap_white_list:
        description:
          - The service's C(cap_white_list) of the version.
        type: list
        elements: str
      dependence_framework:
        description:
          - Frameworks the version depends on.
        type: list
        elements: dict
        suboptions:
          name:
            description: Name of the framework.
            type: str
            required: true
          version_name:
            description: Version of the framework.
            type: str
      config:
        description:
          - What the version runs, with exactly one of O(version.config.ray_job_config),
            O(version.config.python_job_config) and O(version.config.spark_job_config) (the one of the job's
            O(type)). Required unless O(version.state=absent).
        type: dict
        suboptions:
          ray_job_config:
            description: A Ray job.
            type: dict
            suboptions:
              entrypoint:
                description: The command that runs the job.
                type: str
                required: true
              metadata:
                description: Metadata of the job.
                type: dict
              entrypoint_num_cpus:
                description: CPUs for the entrypoint command.
                type: float
              entrypoint_num_gpus:
                description: GPUs for the entrypoint command.
                type: float
              entrypoint_memory:
                description: Memory for the entrypoint command.
                type: int
              entrypoint_resources:
                description: Custom resources for the entrypoint command.
                type: dict
              submission_id:
                description: Submission id of the Ray job.
                type: str
              runtime_env:
                description: The Ray runtime environment.
                type: dict
                suboptions:
                  working_dir:
                    description: Working directory (an OBS path).
                    type: str
                  py_modules:
                    description: Python modules to make available.
                    type: list
                    elements: str
                  pip:
                    description: pip packages to install.
                    type: list
                    elements: str
                  conda:
                    description: A conda environment.
                    type: dict
                  env_vars:
                    description: Environment variables.
                    type: dict
                  container:
                    description: A container to run in.
                    type: dict
                  worker_process_setup_hook:
                    description: Ray's C(worker_process_setup_hook).
                    type: str
                  nsight:
                    description: Ray's C(nsight) profiling setting.
                    type: str
                  config:
                    description: Ray's runtime environment C(config), as a string.
                    type: str
          python_job_config:
            description: A Python job.
            type: dict
            suboptions:
              resource_spec:
                description: Resource specification to run on.
                type: str
                required: true
              main_file_name:
                description: The Python main file, relative to O(version.config.python_job_config.working_dir).
                type: str
              main_arguments:
                description: Arguments of the main file.
                type: list
                elements: str
              python_packages:
                description: Python packages the job needs.
                type: list
                elements: str
              working_dir:
                description: Code directory (an OBS path).
                type: str
              user_log_path:
                description: OBS path for the job's logs.
                type: str
          spark_job_config:
            description: A Spark job.
            type: dict
            suboptions:
              driver_resource_spec:
                description: Resource specification of the driver.
                type: str
                required: true
              executor_resource_spec:
                description: Resource specification of the executors.
                type: str
                required: true
              main_file_path:
                description: The main file, a Python file or a JAR on OBS.
                type: str
              main_class:
                description: Main class of a Java job.
                type: str
              main_arguments:
                description: Arguments of the main file or class.
                type: list
                elements: str
              spark_conf:
                description: Spark configuration values.
                type: str
              num_executors:
                description: Number of executors.
                type: int
              enable_dynamic_allocation:
                description: Whether dynamic allocation is on.
                type: bool
              min_num_executors:
                description: Fewest executors.
                type: int
              max_num_executors:
                description: Most executors.
                type: int
              user_log_path:
                description: OBS path for the job's logs.
                type: str
              metastore_id:
                description: LakeFormation instance id (metastore id).
                type: str
              metastore_catalog_id:
                description: LakeFormation catalog id.
                type: str
          timeout_seconds:
            description: Longest run time in seconds; V(0) (the service's default) means none.
            type: int
          max_retries:
            description: How often a failed run is retried.
            type: int
          queue:
            description: Whether runs queue.
            type: bool
          max_concurrent_runs:
            description: Most runs at a time (the service's default is 1).
            type: int
      state:
        description:
          - V(present) adds the version when it is missing; V(absent) removes it when it is there.
          - A version to remove is named by O(version.name) alone. The current version cannot be removed.
        type: str
        choices: [present, absent]
        default: present
  current_version:
    description:
      - Name of the version to make the job's current version. It must exist, or be the O(version) the task adds.
      - Also taken as the dict that RV(job.current_version) and M(cloudai.control.fabric_job_info) return; its
        C(name) is used.
    type: raw
  purge_versions:
    description:
      - Remove every version but the current one and the one given in O(version).
    type: bool
    default: false
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
    details: Predicts the job after the change, versions included; sends no request that changes anything.
  diff_mode:
    support: full
    details: Shows the managed options before and after, with the current version and, when the task listed them,
      the names of the versions.
  platform:
    platforms: all
notes:
  - Jobs have no status; O(wait) only reads the new job once.
  - The service answers a create or an update with ids only; the module reads the job after each.
seealso:
  - module: cloudai.control.fabric_job_info
  - module: cloudai.control.fabric_job_run
'''

EXAMPLES = r'''
- name: Create a Python job
  cloudai.control.fabric_job:
    workspace_id: "{{ workspace_id }}"
    name: nightly-eval
    type: PYTHON_JOB
    description: evaluates the support model every night
    version:
      name: v1
      config:
        python_job_config:
          resource_spec: fabric.cpu.4u16g
          working_dir: obs://my-bucket/jobs/eval/
          main_file_name: main.py
        timeout_seconds: 3600
  register: job

- name: Add a second version; it becomes the current one
  cloudai.control.fabric_job:
    workspace_id: "{{ workspace_id }}"
    name: nightly-eval
    version:
      name: v2
      config:
        python_job_config:
          resource_spec: fabric.cpu.4u16g
          working_dir: obs://my-bucket/jobs/eval-v2/
          main_file_name: main.py

- name: Keep only the current version
  cloudai.control.fabric_job:
    workspace_id: "{{ workspace_id }}"
    name: nightly-eval
    purge_versions: true

- name: Delete the job with all its versions
  cloudai.control.fabric_job:
    workspace_id: "{{ workspace_id }}"
    name: nightly-eval
    state: absent
'''

RETURN = r'''
job:
  description:
    - The job, with the service's snake_case keys.
    - In check mode, the predicted job (without C(id) when it would be created).
    - V(null) after O(state=absent).
  returned: always
  type: dict
  contains:
    id:
      description: Id of the job.
      type: str
      sample: 0d5f1a6e-2b1c-4f0e-9a57-3c2e8b7d9f10
    name:
      description: Name of the job.
      type: str
    description:
      description: Description of the job.
      type: str
    type:
      description: Type of the job.
      type: str
      sample: PYTHON_JOB
    workspace_id:
      description: Id of the workspace that holds the job.
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
    create_time:
      description: When the job was created.
      type: str
    update_time:
      description: When the job was last changed.
      type: str
    create_user:
      description: Who created the job (C(domain_name), C(user_name)).
      type: dict
    update_user:
      description: Who last changed the job.
      type: dict
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_resource_module
from ansible_collections.cloudai.control.plugins.module_utils.fabric_jobs import FABRIC, JOB


def main():
    run_resource_module(JOB, FABRIC)


if __name__ == "__main__":
    main()
