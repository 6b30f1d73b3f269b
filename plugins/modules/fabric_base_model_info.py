#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: fabric_base_model_info
short_description: List the base models of Huawei Cloud DataArts Fabric
version_added: 0.1.0
description:
  - Lists the base models DataArts Fabric offers, across every page of results, so that a playbook can pick the
    C(base_model_type) of a model version (M(cloudai.control.fabric_model)) by name.
  - Base models belong to no workspace and have no id.
  - Runs in check mode. The result is always a list.
author:
  - cloudai.control developers (@cloudai)
options:
  base_model_type:
    description:
      - Only the base model of exactly this type, for example V(QWEN2_7B).
      - The service has no such filter; the module drops the other base models from the list it returns.
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
seealso:
  - module: cloudai.control.fabric_model
'''

EXAMPLES = r'''
- name: List every base model
  cloudai.control.fabric_base_model_info:
  register: result

- name: Pick the largest Qwen base model that needs at most 16 MUs
  ansible.builtin.set_fact:
    base_model_type: >-
      {{ (result.base_models | selectattr('base_model_type', 'match', 'QWEN')
          | selectattr('num_of_mu', 'le', 16) | sort(attribute='num_of_mu') | last).base_model_type }}

- name: Check that a base model type exists
  cloudai.control.fabric_base_model_info:
    base_model_type: QWEN2_7B
  register: result
  failed_when: result.base_models | length != 1
'''

RETURN = r'''
base_models:
  description:
    - The base models, in the service's order.
  returned: always
  type: list
  elements: dict
  contains:
    base_model_type:
      description: Type of the base model, the value for C(version.config.llm_model_config.base_model_type).
      type: str
      sample: QWEN2_7B
    max_tokens:
      description: The most tokens the model takes.
      type: int
      sample: 32768
    num_of_mu:
      description: How many MUs (model units) the model uses.
      type: int
      sample: 4
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.fabric import BASE_MODEL, FABRIC


def main():
    run_info_module(BASE_MODEL, FABRIC)


if __name__ == "__main__":
    main()
