#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: fabric_agency_info
short_description: Show the Huawei Cloud DataArts Fabric agency and its policy types
version_added: 0.2.0
description:
  - Shows the account's DataArts Fabric agency, whether it is authorized, and each policy type with whether it is
    enabled. The account has one agency.
  - Runs in check mode.
author:
  - cloudai.control developers (@cloudai)
options:
  policy_type:
    description:
      - Only this policy type in RV(agency.agency_policies) and RV(agency.policy_types).
    type: str
    choices: [FABRIC_COMMON_POLICY, FABRIC_SMN_POLICY, FABRIC_LAKEFORMATION_POLICY, FABRIC_AOM_POLICY]
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
  - module: cloudai.control.fabric_agency
'''

EXAMPLES = r'''
- name: Is the service authorized?
  cloudai.control.fabric_agency_info:
  register: result
  failed_when: not result.agency.authorized
'''

RETURN = r'''
agency:
  description: The agency as the service shows it.
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
      description: The enabled policy types (among those shown).
      type: list
      elements: str
      sample: [FABRIC_COMMON_POLICY, FABRIC_SMN_POLICY]
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_action_module
from ansible_collections.cloudai.control.plugins.module_utils.fabric import FABRIC
from ansible_collections.cloudai.control.plugins.module_utils.fabric_admin import AGENCY_INFO


def main():
    run_action_module(AGENCY_INFO, FABRIC)


if __name__ == "__main__":
    main()
