#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: genai_semantic_store_info
short_description: List or get OCI Generative AI semantic stores
version_added: 0.2.0
description:
  - Gets one semantic store by O(id), or lists the semantic stores of a compartment (or of every compartment), filtered by the service, across
    every page of results.
  - Runs in check mode. The result is always a list.
author:
  - cloudai.control developers (@cloudai)
options:
  id:
    description:
      - OCID of one semantic store to get. The result is a list of that semantic store, or an empty list if it does not exist.
    type: str
    aliases: [semantic_store_id]
  compartment_id:
    description:
      - OCID of the compartment to list. Optional; without it and without O(id), the semantic stores of every compartment are listed.
    type: str
  display_name:
    description:
      - Only semantic stores with exactly this name.
    type: str
  lifecycle_state:
    description:
      - Only semantic stores in this lifecycle state.
    type: str
    choices: [ACTIVE, CREATING, UPDATING, DELETING, DELETED, FAILED]
  data_source_querying_connection_id:
    description:
      - Only semantic stores that query through this Database Tools connection.
    type: str
  sort_by:
    description:
      - Field to sort by. V(timeCreated) sorts newest first and V(displayName) alphabetically, unless O(sort_order) says otherwise.
    type: str
    choices: [displayName, timeCreated]
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
  - module: cloudai.control.genai_semantic_store
'''

EXAMPLES = r'''
- name: List the active semantic stores of a compartment
  cloudai.control.genai_semantic_store_info:
    compartment_id: "{{ compartment_id }}"
    lifecycle_state: ACTIVE
  register: result

- name: Get one semantic store
  cloudai.control.genai_semantic_store_info:
    id: "{{ semantic_store_id }}"
  register: result
'''

RETURN = r'''
semantic_stores:
  description:
    - The semantic stores found, with snake_case keys (tag keys exactly as stored).
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: OCID of the semantic store.
      type: str
      sample: ocid1.generativeaisemanticstore.oc1.us-chicago-1.amaaaaaaexample
    compartment_id:
      description: OCID of the compartment.
      type: str
    display_name:
      description: Name of the semantic store.
      type: str
    description:
      description: Description of the semantic store.
      type: str
      returned: when set
    lifecycle_state:
      description: C(ACTIVE), C(CREATING), C(UPDATING), C(DELETING), C(DELETED) or C(FAILED).
      type: str
    lifecycle_details:
      description: What the service says about the state.
      type: str
      returned: when the service gives it
    time_created:
      description: When the semantic store was created (RFC 3339).
      type: str
    time_updated:
      description: When the semantic store was last updated (RFC 3339).
      type: str
      returned: when the service gives it
    freeform_tags:
      description: Free-form tags.
      type: dict
    defined_tags:
      description: Defined tags.
      type: dict
    system_tags:
      description: Tags the system adds.
      type: dict
      returned: when the service gives them
    data_source:
      description: The connections, with C(connection_type), C(querying_connection_id) and C(enrichment_connection_id).
      type: dict
    schemas:
      description: The schemas, with C(connection_type) and C(schemas).
      type: dict
    is_user_defined_semantics_enabled:
      description: Whether user-defined semantics are used.
      type: bool
      returned: when the service gives it
    model_selection:
      description: The model selection, with C(model_selection_type) and C(model_id).
      type: dict
      returned: when the service gives it
    refresh_schedule:
      description: The refresh schedule, with C(type) and C(value).
      type: dict
      returned: when the service gives it
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.genai import GENAI
from ansible_collections.cloudai.control.plugins.module_utils.genai_access import SEMANTIC_STORE


def main():
    run_info_module(SEMANTIC_STORE, GENAI)


if __name__ == "__main__":
    main()
