#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: genai_model_info
short_description: List or get OCI Generative AI base and custom models
version_added: 0.1.0
description:
  - Gets one model by O(id), or lists the models available in a compartment, across every page of results.
  - Lists both the service's pretrained base models (type C(BASE), read-only) and the custom models fine-tuned
    in the compartment (type C(CUSTOM), managed by M(cloudai.control.genai_model)). Use O(type) to get one kind.
  - Runs in check mode. The result is always a list.
author:
  - cloudai.control developers (@cloudai)
options:
  id:
    description:
      - OCID of one model, base or custom, to get. The result is a list of that model, or an empty list if it
        does not exist.
    type: str
    aliases: [model_id]
  compartment_id:
    description:
      - OCID of the compartment to list. Required unless O(id) is given.
    type: str
  display_name:
    description:
      - Only models with exactly this name, for example V(cohere.command-r-plus-08-2024).
    type: str
  type:
    description:
      - Only base models (V(BASE)) or only custom models (V(CUSTOM)).
      - The service has no such filter; the module drops the other models from the list it returns.
    type: str
    choices: [BASE, CUSTOM]
  vendor:
    description:
      - Only models of exactly this vendor, for example V(cohere) or V(meta).
    type: str
  capability:
    description:
      - Only models with these capabilities, as the service matches them.
    type: list
    elements: str
    choices: [TEXT_GENERATION, TEXT_SUMMARIZATION, TEXT_EMBEDDINGS, FINE_TUNE, CHAT, TEXT_RERANK, TEXT_TO_IMAGE,
              IMAGE_TEXT_TO_IMAGE, IMAGE_TEXT_TO_TEXT, IMAGE_TEXT_TO_VIDEO, IMAGE_TO_IMAGE, REALTIME, AUDIO_TO_AUDIO,
              AUDIO_TO_TEXT, TEXT_TO_AUDIO, TEXT_TO_VIDEO, AUDIO_TEXT_TO_TEXT, AUDIO_TRANSLATION, VIDEO_TEXT_TO_TEXT]
  lifecycle_state:
    description:
      - Only models in this lifecycle state.
    type: str
    choices: [ACTIVE, CREATING, DELETING, DELETED, FAILED]
  sort_by:
    description:
      - Field to sort by. V(timeCreated) sorts newest first unless O(sort_order) says otherwise.
    type: str
    choices: [displayName, lifecycleState, timeCreated]
  sort_order:
    description:
      - Sort order.
    type: str
    choices: [ASC, DESC]
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
  - module: cloudai.control.genai_model
'''

EXAMPLES = r'''
- name: List the base models that can chat
  cloudai.control.genai_model_info:
    compartment_id: "{{ compartment_id }}"
    type: BASE
    capability: [CHAT]
    lifecycle_state: ACTIVE
  register: result

- name: Show their names
  ansible.builtin.debug:
    msg: "{{ result.models | map(attribute='display_name') }}"

- name: List the base models that can be fine-tuned, by name
  cloudai.control.genai_model_info:
    compartment_id: "{{ compartment_id }}"
    type: BASE
    capability: [FINE_TUNE]
    sort_by: displayName
    sort_order: ASC
  register: tunable

- name: List the custom models of a compartment
  cloudai.control.genai_model_info:
    compartment_id: "{{ compartment_id }}"
    type: CUSTOM
  register: custom

- name: Get one model
  cloudai.control.genai_model_info:
    id: "{{ model_id }}"
  register: result
'''

RETURN = r'''
models:
  description:
    - The models found, with snake_case keys (tag keys exactly as stored). Listed models are the service's
      summaries, which carry neither C(time_updated) nor C(previous_state).
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: OCID of the model.
      type: str
    compartment_id:
      description: OCID of the compartment.
      type: str
    display_name:
      description: Name of the model.
      type: str
      sample: cohere.command-r-plus-08-2024
    type:
      description: V(BASE) or V(CUSTOM).
      type: str
    vendor:
      description: Provider of the model.
      type: str
      returned: when set
    version:
      description: Version of the model.
      type: str
      returned: when set
    capabilities:
      description: What the model can do.
      type: list
      elements: str
      sample: [CHAT, FINE_TUNE]
    base_model_id:
      description: OCID of the base model a custom model was fine-tuned from.
      type: str
      returned: for custom models
    fine_tune_details:
      description: How a custom model was fine-tuned.
      type: dict
      returned: for custom models
    model_metrics:
      description: Results of the fine-tuning, with C(model_metrics_type), C(final_accuracy) and C(final_loss).
      type: dict
      returned: for custom models whose fine-tuning has finished
    is_long_term_supported:
      description: Whether the base model has long-term support.
      type: bool
      returned: for base models, when the service gives it
    time_deprecated:
      description: When the base model was deprecated (RFC 3339).
      type: str
      returned: when set
    time_on_demand_retired:
      description: When the base model is retired for on-demand serving (RFC 3339).
      type: str
      returned: when set
    time_dedicated_retired:
      description: When the base model is retired for dedicated AI clusters (RFC 3339).
      type: str
      returned: when set
    lifecycle_state:
      description: Lifecycle state.
      type: str
    time_created:
      description: When the model was created (RFC 3339).
      type: str
    freeform_tags:
      description: Free-form tags.
      type: dict
    defined_tags:
      description: Defined tags.
      type: dict
    lifecycle_details:
      description: What the service says about the state, for example the progress of fine-tuning.
      type: str
      returned: when the service gives it
    time_updated:
      description: When the model was last updated (RFC 3339).
      type: str
      returned: when the model has been updated
    system_tags:
      description: Tags the system adds.
      type: dict
      returned: when the service gives them
    description:
      description: Description of the model.
      type: str
      returned: when set
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.genai import GENAI, MODEL


def main():
    run_info_module(MODEL, GENAI)


if __name__ == "__main__":
    main()
