#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: genai_imported_model_info
short_description: List or get OCI Generative AI imported models
version_added: 0.1.0
description:
  - Gets one imported model by O(id), or lists the imported models of a compartment, filtered by the service,
    across every page of results.
  - Runs in check mode. The result is always a list.
author:
  - cloudai.control developers (@cloudai)
options:
  id:
    description:
      - OCID of one imported model to get. The result is a list of that model, or an empty list if it does not
        exist.
    type: str
    aliases: [imported_model_id]
  compartment_id:
    description:
      - OCID of the compartment to list. Required unless O(id) is given.
    type: str
  display_name:
    description:
      - Only models with exactly this name.
    type: str
  vendor:
    description:
      - Only models of exactly this vendor.
    type: str
  capability:
    description:
      - Only models with these capabilities, as the service matches them.
    type: list
    elements: str
    choices: [TEXT_TO_TEXT, IMAGE_TEXT_TO_TEXT, EMBEDDING, RERANK, TEXT_TO_IMAGE, IMAGE_TEXT_TO_IMAGE,
              IMAGE_TEXT_TO_VIDEO, IMAGE_TO_IMAGE, REALTIME, AUDIO_TO_AUDIO, AUDIO_TO_TEXT, TEXT_TO_AUDIO,
              TEXT_TO_VIDEO, AUDIO_TEXT_TO_TEXT, AUDIO_TRANSLATION, VIDEO_TEXT_TO_TEXT]
  lifecycle_state:
    description:
      - Only models in this lifecycle state.
    type: str
    choices: [ACTIVE, CREATING, UPDATING, DELETING, DELETED, FAILED]
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
  - module: cloudai.control.genai_imported_model
'''

EXAMPLES = r'''
- name: List the active embedding models imported into a compartment
  cloudai.control.genai_imported_model_info:
    compartment_id: "{{ compartment_id }}"
    capability: [EMBEDDING]
    lifecycle_state: ACTIVE
  register: result

- name: Get one imported model
  cloudai.control.genai_imported_model_info:
    id: "{{ imported_model_id }}"
  register: result

- name: Show where each model came from
  ansible.builtin.debug:
    msg: "{{ result.imported_models | items2dict(key_name='display_name', value_name='data_source') }}"
'''

RETURN = r'''
imported_models:
  description:
    - The imported models found, with snake_case keys (tag keys exactly as stored). Listed models are the
      service's summaries, which carry every field but C(previous_state).
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: OCID of the imported model.
      type: str
    compartment_id:
      description: OCID of the compartment.
      type: str
    display_name:
      description: Name of the model.
      type: str
    data_source:
      description: Where the model files came from, with C(source_type) and the fields of that source type.
      type: dict
    capabilities:
      description: What the model is meant for.
      type: list
      elements: str
      returned: when the service gives them
    vendor:
      description: Provider of the model.
      type: str
      returned: when set
    version:
      description: Version of the model.
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
      description: What the service says about the state.
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
from ansible_collections.cloudai.control.plugins.module_utils.genai import GENAI, IMPORTED_MODEL


def main():
    run_info_module(IMPORTED_MODEL, GENAI)


if __name__ == "__main__":
    main()
