#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: fabric_agency
short_description: Authorize Huawei Cloud DataArts Fabric through its agency and policy types
version_added: 0.2.0
description:
  - Manages the account's DataArts Fabric agency (the IAM trust the service acts through) and which of its policy
    types are enabled. The account has one agency; it has no id.
  - O(state=present) enables the O(policy_types) that are not enabled yet, with C(FABRIC_COMMON_POLICY), which the
    agency always needs; policy types that are enabled and not listed stay enabled.
  - O(state=absent) disables the O(policy_types) given, or deletes the whole agency when O(policy_types) is left
    out. C(FABRIC_COMMON_POLICY) can be removed only with every other policy type.
author:
  - cloudai.control developers (@cloudai)
options:
  state:
    description:
      - V(present) enables policy types; V(absent) disables them.
    type: str
    choices: [present, absent]
    default: present
  policy_types:
    description:
      - V(FABRIC_COMMON_POLICY) is the base every other one needs, V(FABRIC_SMN_POLICY) lets the service send
        notifications to SMN (M(cloudai.control.fabric_notification_policy)), V(FABRIC_LAKEFORMATION_POLICY) reach
        LakeFormation (a workspace's metastore) and V(FABRIC_AOM_POLICY) send metrics to AOM (a workspace's
        O(cloudai.control.fabric_workspace#module:metrics_enabled)).
    type: list
    elements: str
    choices: [FABRIC_COMMON_POLICY, FABRIC_SMN_POLICY, FABRIC_LAKEFORMATION_POLICY, FABRIC_AOM_POLICY]
extends_documentation_fragment:
  - cloudai.control.huaweicloud
  - cloudai.control.connection
  - cloudai.control.huaweicloud.group
  - ansible.builtin.action_common_attributes
attributes:
  check_mode:
    support: full
    details: Predicts the enabled policy types; sends no request that changes anything.
  diff_mode:
    support: full
    details: Shows the enabled policy types before and after.
  platform:
    platforms: all
seealso:
  - module: cloudai.control.fabric_agency_info
'''

EXAMPLES = r'''
- name: Let DataArts Fabric send notifications to SMN
  cloudai.control.fabric_agency:
    policy_types: [FABRIC_COMMON_POLICY, FABRIC_SMN_POLICY]

- name: Withdraw that again
  cloudai.control.fabric_agency:
    policy_types: [FABRIC_SMN_POLICY]
    state: absent
'''

RETURN = r'''
agency:
  description: The agency as the service shows it (in check mode, as predicted).
  returned: always
  type: dict
  contains:
    agency_name:
      description: Name of the agency (IAM trust) the service made; V(null) before there is one.
      type: str
    authorized:
      description: Whether the agency holds every permission the service needs.
      type: bool
    agency_policies:
      description: Each policy type, with C(policy_type), C(is_required), C(is_enable), C(actions) and C(description).
      type: list
      elements: dict
    policy_types:
      description: The enabled policy types (in check mode, as predicted).
      type: list
      elements: str
      sample: [FABRIC_COMMON_POLICY, FABRIC_SMN_POLICY]
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_action_module
from ansible_collections.cloudai.control.plugins.module_utils.fabric import FABRIC
from ansible_collections.cloudai.control.plugins.module_utils.fabric_admin import AGENCY


def main():
    run_action_module(AGENCY, FABRIC)


if __name__ == "__main__":
    main()
