#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: fabric_feature_info
short_description: List the feature settings of Huawei Cloud DataArts Fabric
version_added: 0.2.0
description:
  - Lists the feature settings (key and value) DataArts Fabric shows for the account, across every page of results.
  - Runs in check mode. The result is always a list.
author:
  - cloudai.control developers (@cloudai)
options:
  feature:
    description:
      - Only the setting of exactly this key. The service has no such filter; the module drops the other settings.
    type: str
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
'''

EXAMPLES = r'''
- name: List the feature settings
  cloudai.control.fabric_feature_info:
  register: result

- name: Read one
  ansible.builtin.debug:
    msg: "{{ result.features | items2dict }}"
'''

RETURN = r'''
features:
  description:
    - The settings, in the service's order.
  returned: always
  type: list
  elements: dict
  contains:
    key:
      description: Key of the setting.
      type: str
      sample: fabric.workspace.quota
    value:
      description: Its value, as a string.
      type: str
      sample: "20"
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.fabric import FABRIC
from ansible_collections.cloudai.control.plugins.module_utils.fabric_admin import FEATURE


def main():
    run_info_module(FEATURE, FABRIC)


if __name__ == "__main__":
    main()
