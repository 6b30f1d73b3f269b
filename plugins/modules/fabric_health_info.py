#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: fabric_health_info
short_description: Check the health of the Huawei Cloud DataArts Fabric service
version_added: 0.2.0
description:
  - Asks the service's health check and returns whether it answered as healthy.
  - An answer of 500 or more, or no answer after the retries, is reported as RV(health.healthy=false) with the
    error; a refusal (wrong credentials or project) fails the task.
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
'''

EXAMPLES = r'''
- name: Wait until the service is healthy
  cloudai.control.fabric_health_info:
  register: result
  until: result.health.healthy
  retries: 10
  delay: 30
'''

RETURN = r'''
health:
  description: What the health check found.
  returned: always
  type: dict
  contains:
    healthy:
      description: Whether the service answered its health check.
      type: bool
      sample: true
    error:
      description: What the service (or the connection) said instead, with C(status), C(code), C(message) and
        C(request_id).
      type: dict
      returned: when not healthy
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_action_module
from ansible_collections.cloudai.control.plugins.module_utils.fabric import FABRIC
from ansible_collections.cloudai.control.plugins.module_utils.fabric_admin import HEALTH


def main():
    run_action_module(HEALTH, FABRIC)


if __name__ == "__main__":
    main()
