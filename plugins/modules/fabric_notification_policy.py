#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: fabric_notification_policy
short_description: Create and delete Huawei Cloud DataArts Fabric message notification policies
version_added: 0.2.0
description:
  - Manages a message notification policy of a DataArts Fabric workspace, which sends the results of the jobs whose
    names match O(name_pattern) to an SMN topic (O(topic_urn)).
  - The policy is found by O(id), or by O(name_pattern) in the workspace; the module keeps one policy per name
    pattern, so that a task run twice creates one policy.
  - The service cannot change a policy. A policy found with other options is refused, naming them; delete it
    (O(state=absent)) and create it again.
  - The service has no retry tokens. A create whose response was lost is looked up by name pattern before it is
    sent again.
author:
  - cloudai.control developers (@cloudai)
options:
  state:
    description:
      - V(present) creates the policy; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - Id of the policy. Otherwise O(workspace_id) and O(name_pattern) find it.
    type: str
    aliases: [notification_policy_id]
  workspace_id:
    description:
      - Id of the workspace that holds the policy.
    type: str
    required: true
  name_pattern:
    description:
      - The names of the jobs whose messages the policy sends, with C(*) for any characters; for example
        V(ray_job*) matches every job whose name starts with C(ray_job).
      - 1-128 letters, digits, C(_), C(-), C(.) and C(*). One of O(id) and O(name_pattern) is required.
    type: str
  message_type:
    description:
      - The messages the policy sends; V(job) is the result of a job run.
    type: str
    choices: [job]
    default: job
  notification_types:
    description:
      - Which results are sent, V(SUCCESS), V(FAILED) or both, each once. Required to create a policy.
    type: list
    elements: str
    choices: [SUCCESS, FAILED]
  topic_urn:
    description:
      - URN of the SMN topic the messages go to, C(urn:smn:<region>:<project id>:<topic name>). Required to create a
        policy. The workspace's account needs the agency policy type C(FABRIC_SMN_POLICY)
        (M(cloudai.control.fabric_agency)).
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
    details: Predicts the policy; sends no request that changes anything.
  diff_mode:
    support: full
    details: Shows the managed options before and after.
  platform:
    platforms: all
seealso:
  - module: cloudai.control.fabric_notification_policy_info
  - module: cloudai.control.fabric_agency
'''

EXAMPLES = r'''
- name: Send the failures of the Ray jobs to an SMN topic
  cloudai.control.fabric_notification_policy:
    workspace_id: "{{ workspace.id }}"
    name_pattern: ray_job*
    notification_types: [FAILED]
    topic_urn: urn:smn:cn-north-4:0123456789abcdef0123456789abcdef:fabric-jobs

- name: Stop sending them
  cloudai.control.fabric_notification_policy:
    workspace_id: "{{ workspace.id }}"
    name_pattern: ray_job*
    state: absent
'''

RETURN = r'''
notification_policy:
  description:
    - The policy, with the service's snake_case keys. In check mode, the predicted policy (without C(id) when it
      would be created). V(null) after O(state=absent).
  returned: always
  type: dict
  contains:
    id:
      description: Id of the policy.
      type: str
      sample: 0f4e2c1a-7d3b-4e5f-9a8b-1c2d3e4f5a6b
    name_pattern:
      description: The job names the policy matches.
      type: str
      sample: ray_job*
    message_type:
      description: The messages it sends.
      type: str
      sample: job
    notification_types:
      description: The results it sends.
      type: list
      elements: str
      sample: [FAILED]
    topic_urn:
      description: The SMN topic.
      type: str
      sample: urn:smn:cn-north-4:0123456789abcdef0123456789abcdef:fabric-jobs
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_resource_module
from ansible_collections.cloudai.control.plugins.module_utils.fabric import FABRIC
from ansible_collections.cloudai.control.plugins.module_utils.fabric_admin import NOTIFICATION_POLICY


def main():
    run_resource_module(NOTIFICATION_POLICY, FABRIC)


if __name__ == "__main__":
    main()
