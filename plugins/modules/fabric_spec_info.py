#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: fabric_spec_info
short_description: List the resource specs of Huawei Cloud DataArts Fabric
version_added: 0.2.0
description:
  - Lists the resource specifications DataArts Fabric offers (their C(spec_code) is what an endpoint's
    C(reserved_resource) and C(ray_resource) take), across every page of results.
  - Specs belong to no workspace and have no id.
  - Runs in check mode. The result is always a list.
author:
  - cloudai.control developers (@cloudai)
options:
  spec_code:
    description:
      - Only the spec of this code.
    type: str
  spec_types:
    description:
      - Only specs of these types.
    type: list
    elements: str
    choices: [APU, DPU, MU, RESOURCE_USAGE_UNIT, TOKENS_USAGE_UNIT]
  scenario:
    description:
      - Only specs for this use, V(ENDPOINT) (an endpoint's resources) or V(COMPUTE) (Ray compute nodes).
    type: str
    choices: [COMPUTE, ENDPOINT]
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
  - module: cloudai.control.fabric_endpoint
'''

EXAMPLES = r'''
- name: List the MU specs for endpoints
  cloudai.control.fabric_spec_info:
    spec_types: [MU]
    scenario: ENDPOINT
  register: result
'''

RETURN = r'''
specs:
  description:
    - The specs, with the service's snake_case keys, in the service's order.
  returned: always
  type: list
  elements: dict
  contains:
    spec_code:
      description: Code of the spec.
      type: str
      sample: mu.s1.1
    spec_type:
      description: Type of the spec.
      type: str
      sample: MU
    resource_type:
      description: The resource it measures.
      type: str
    stride:
      description: The step in which it is bought.
      type: int
    unit:
      description: Its unit.
      type: str
    min_stride_num:
      description: The fewest steps.
      type: int
    max_stride_num:
      description: The most steps.
      type: int
    usage_measure_id:
      description: Id of the unit usage is measured in.
      type: int
    usage_factor:
      description: Factor of usage.
      type: str
    stride_num_whitelist:
      description: The numbers of steps allowed, when the service restricts them.
      type: list
      elements: int
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.fabric import FABRIC
from ansible_collections.cloudai.control.plugins.module_utils.fabric_admin import SPEC


def main():
    run_info_module(SPEC, FABRIC)


if __name__ == "__main__":
    main()
