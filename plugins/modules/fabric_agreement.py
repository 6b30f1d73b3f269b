#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: fabric_agreement
short_description: Sign or withdraw the Huawei Cloud DataArts Fabric agreements
version_added: 0.2.0
description:
  - Signs the agreements the account needs to use DataArts Fabric, or withdraws them. The account's agreements
    have no id.
  - O(state=present) signs each agreement of O(agreements) (by name and version) that is not signed yet; without
    O(agreements), those the service's agreement rule asks for now (M(cloudai.control.fabric_agreement_info) shows
    the rule).
  - O(state=absent) withdraws every agreement of the account; the service has no call to withdraw one.
author:
  - cloudai.control developers (@cloudai)
options:
  state:
    description:
      - V(present) signs; V(absent) withdraws every agreement (then O(agreements) must be left out).
    type: str
    choices: [present, absent]
    default: present
  agreements:
    description:
      - The agreements to sign.
    type: list
    elements: dict
    suboptions:
      name:
        description:
          - Name of the agreement, 1-64 letters, digits, C(_) and C(-).
        type: str
        required: true
      version:
        description:
          - Version of the agreement, 1-32 letters and digits.
        type: str
        required: true
extends_documentation_fragment:
  - cloudai.control.huaweicloud
  - cloudai.control.connection
  - cloudai.control.huaweicloud.group
  - ansible.builtin.action_common_attributes
attributes:
  check_mode:
    support: full
    details: Predicts the signed agreements; sends no request that changes anything.
  diff_mode:
    support: full
    details: Shows the signed agreements before and after.
  platform:
    platforms: all
seealso:
  - module: cloudai.control.fabric_agreement_info
'''

EXAMPLES = r'''
- name: Sign what the service asks for now
  cloudai.control.fabric_agreement:

- name: Sign one version
  cloudai.control.fabric_agreement:
    agreements:
      - name: fabric_service_agreement
        version: v20240901
'''

RETURN = r'''
agreement:
  description: The account's agreements.
  returned: always
  type: dict
  contains:
    signed:
      description: The signed agreements (in check mode, as predicted); each is an item of O(cloudai.control.fabric_agreement#module:agreements).
      type: list
      elements: dict
      contains:
        name:
          description: Name of the agreement.
          type: str
          sample: fabric_service_agreement
        version:
          description: The version signed.
          type: str
          sample: v20240901
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_action_module
from ansible_collections.cloudai.control.plugins.module_utils.fabric import FABRIC
from ansible_collections.cloudai.control.plugins.module_utils.fabric_admin import AGREEMENT


def main():
    run_action_module(AGREEMENT, FABRIC)


if __name__ == "__main__":
    main()
