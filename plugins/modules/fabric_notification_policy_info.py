#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: fabric_notification_policy_info
short_description: List or get Huawei Cloud DataArts Fabric message notification policies
version_added: 0.2.0
description:
  - Gets one message notification policy of a workspace by O(id), or lists the workspace's policies with the
    service's filters, across every page of results.
  - The service has no call that reads one policy; O(id) picks it from the workspace's list.
  - Runs in check mode. The result is always a list.
author:
  - cloudai.control developers (@cloudai)
options:
  id:
    description:
      - Id of one policy to get. The result is a list of that policy, or an empty list if it does not exist.
    type: str
    aliases: [notification_policy_id]
  workspace_id:
    description:
      - Id of the workspace that holds the policies.
    type: str
    required: true
  name_pattern:
    description:
      - Only policies whose name pattern contains this text (case-sensitive), as the service matches it.
    type: str
  message_type:
    description:
      - Only policies that send this type of message.
    type: str
    choices: [job]
  notify_type:
    description:
      - Only policies that send this result.
    type: str
    choices: [SUCCESS, FAILED]
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
  - module: cloudai.control.fabric_notification_policy
'''

EXAMPLES = r'''
- name: List the policies that report failures
  cloudai.control.fabric_notification_policy_info:
    workspace_id: "{{ workspace_id }}"
    notify_type: FAILED
  register: result
'''

RETURN = r'''
notification_policies:
  description:
    - The policies, with the service's snake_case keys, newest first. Each is valid arguments of
      M(cloudai.control.fabric_notification_policy).
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Id of the policy.
      type: str
      sample: 0f4e2c1a-7d3b-4e5f-9a8b-1c2d3e4f5a6b
    workspace_id:
      description: Id of the workspace it was listed from.
      type: str
      sample: 8a3c2b1d-4e5f-4a6b-9c8d-7e6f5a4b3c2d
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
      sample: [SUCCESS, FAILED]
    topic_urn:
      description: The SMN topic.
      type: str
      sample: urn:smn:cn-north-4:0123456789abcdef0123456789abcdef:fabric-jobs
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.fabric import FABRIC
from ansible_collections.cloudai.control.plugins.module_utils.fabric_admin import NOTIFICATION_POLICY


def main():
    run_info_module(NOTIFICATION_POLICY, FABRIC)


if __name__ == "__main__":
    main()
