#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: fabric_agreement_info
short_description: Show the Huawei Cloud DataArts Fabric agreements and the agreement rule
version_added: 0.2.0
description:
  - Shows the agreements the account has signed, and the agreement rule, which lists the agreements (with their
    current version and where to read them) that the service asks for.
  - Runs in check mode.
author:
  - cloudai.control developers (@cloudai)
options: {}
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
  - module: cloudai.control.fabric_agreement
'''

EXAMPLES = r'''
- name: Which agreements are still to be signed?
  cloudai.control.fabric_agreement_info:
  register: result

- name: Show them
  ansible.builtin.debug:
    msg: "{{ result.agreement.rules | map(attribute='agreement_url') | list }}"
'''

RETURN = r'''
agreement:
  description: The account's agreements.
  returned: always
  type: dict
  contains:
    signed:
      description: The signed agreements; each is an item of O(cloudai.control.fabric_agreement#module:agreements).
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
    rules:
      description: The agreements the service asks for (its agreement rule).
      type: list
      elements: dict
      contains:
        agreement_name:
          description: Name of the agreement.
          type: str
          sample: fabric_service_agreement
        agreement_display_name:
          description: Its title.
          type: str
        agreement_version:
          description: Its current version.
          type: str
          sample: v20240901
        agreement_url:
          description: Where to read it.
          type: str
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_action_module
from ansible_collections.cloudai.control.plugins.module_utils.fabric import FABRIC
from ansible_collections.cloudai.control.plugins.module_utils.fabric_admin import AGREEMENT_INFO


def main():
    run_action_module(AGREEMENT_INFO, FABRIC)


if __name__ == "__main__":
    main()
