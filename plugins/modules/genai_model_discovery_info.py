#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: genai_model_discovery_info
short_description: Discover the models OCI Generative AI offers, where and how
version_added: 0.2.0
description:
  - Lists the models of the Generative AI model catalogue (the service's C(ListModelDiscovery)), with where each is
    available (realm, region, serving modes, deprecation and retirement dates), what it can do and its parameters,
    across every page of results.
  - Filters that take a list match a model that has any of the values given.
  - Runs in check mode. The result is always a list.
author:
  - cloudai.control developers (@cloudai)
options:
  compartment_id:
    description:
      - OCID of the compartment to ask in (the tenancy, for example).
    type: str
    required: true
  available_realm:
    description:
      - Only models available in one of these realms, for example V(oc1).
      - The service's C(realm) filter, named like O(available_region).
    type: list
    elements: str
  available_region:
    description:
      - Only models available in one of these regions, for example V(us-chicago-1).
      - The service's C(region) filter; O(region) is the region whose service is asked.
    type: list
    elements: str
  model_id:
    description:
      - Only the model with this name, for example V(cohere.command-r-08-2024).
    type: str
  serving_mode:
    description:
      - Only models served in one of these modes.
    type: list
    elements: str
    choices: [ON_DEMAND, DEDICATED]
  api_capability:
    description:
      - Only models that support one of these inference APIs, as the service names them.
    type: list
    elements: str
  capability:
    description:
      - Only models with one of these capabilities.
    type: list
    elements: str
    choices: [TEXT_GENERATION, TEXT_SUMMARIZATION, TEXT_EMBEDDINGS, FINE_TUNE, CHAT, TEXT_RERANK, TEXT_TO_IMAGE,
              IMAGE_TEXT_TO_IMAGE, IMAGE_TEXT_TO_TEXT, IMAGE_TEXT_TO_VIDEO, IMAGE_TO_IMAGE, REALTIME, AUDIO_TO_AUDIO,
              AUDIO_TO_TEXT, TEXT_TO_AUDIO, TEXT_TO_VIDEO, AUDIO_TEXT_TO_TEXT, AUDIO_TRANSLATION, VIDEO_TEXT_TO_TEXT]
  model_access:
    description:
      - Only models reached in one of these ways (V(HOSTED) by Oracle, or V(PROXY) to another provider).
    type: list
    elements: str
    choices: [HOSTED, PROXY]
  is_deprecated:
    description:
      - Only models that are (V(true)) or are not (V(false)) deprecated.
    type: bool
  is_on_demand_retired:
    description:
      - Only models whose on-demand serving is (V(true)) or is not (V(false)) retired.
    type: bool
  is_dedicated_retired:
    description:
      - Only models whose dedicated serving is (V(true)) or is not (V(false)) retired.
    type: bool
extends_documentation_fragment:
  - cloudai.control.oci
  - cloudai.control.connection
  - cloudai.control.oci.group
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
  - module: cloudai.control.genai_model_info
'''

EXAMPLES = r'''
- name: The chat models that can be fine-tuned and served on a dedicated cluster
  cloudai.control.genai_model_discovery_info:
    compartment_id: "{{ tenancy_id }}"
    capability: [FINE_TUNE]
    serving_mode: [DEDICATED]
    is_dedicated_retired: false
  register: result

- name: Their names
  ansible.builtin.debug:
    msg: "{{ result.models | map(attribute='model_id') | list }}"

- name: Where Cohere's Command R can be served on demand, asked of the Chicago service
  cloudai.control.genai_model_discovery_info:
    compartment_id: "{{ tenancy_id }}"
    region: us-chicago-1
    available_region: [us-chicago-1, eu-frankfurt-1]
    model_id: cohere.command-r-08-2024
    serving_mode: [ON_DEMAND]
  register: command_r
'''

RETURN = r'''
models:
  description:
    - The models found, with snake_case keys.
  returned: always
  type: list
  elements: dict
  contains:
    model_id:
      description: Name of the model.
      type: str
      sample: cohere.command-r-08-2024
    vendor:
      description: Vendor of the model.
      type: str
    capabilities:
      description: What the model can do.
      type: list
      elements: str
    api_capability:
      description: The inference APIs the model supports.
      type: list
      elements: str
      returned: when the service gives it
    modality_support:
      description: The input and output modalities, each with C(input) and C(output).
      type: list
      elements: dict
      returned: when the service gives it
    model_access:
      description: C(HOSTED) or C(PROXY).
      type: str
      returned: when the service gives it
    parameters:
      description: The inference parameters, each with C(name), C(type), C(minimum), C(maximum), C(default_value) and
        C(description).
      type: list
      elements: dict
      returned: when the service gives it
    availability:
      description: Where the model is available, each with C(realm), C(region), C(serving_modes), C(time_deprecated),
        C(time_on_demand_retired), C(time_dedicated_retired) and C(supported_replacements).
      type: list
      elements: dict
      returned: when the service gives it
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.genai import GENAI
from ansible_collections.cloudai.control.plugins.module_utils.genai_access import MODEL_DISCOVERY


def main():
    run_info_module(MODEL_DISCOVERY, GENAI)


if __name__ == "__main__":
    main()
