#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: genai_semantic_store
short_description: Create, update, move and delete OCI Generative AI semantic stores
version_added: 0.2.0
description:
  - Manages a Generative AI semantic store, which describes the schemas of a database (reached through Database
    Tools connections) so that questions in natural language can be answered from it.
  - The semantic store is found by O(id), or by O(compartment_id) and O(display_name). A name that matches more
    than one live semantic store is an error.
  - O(data_source) cannot be changed after creation; the other options are changed in place, and a new
    O(compartment_id) moves the semantic store. Creates and deletes run as work requests, which the module follows
    while O(wait=true).
  - Options that are not given are not managed; for those the service's own defaults apply when the semantic store is
    created.
author:
  - cloudai.control developers (@cloudai)
options:
  state:
    description:
      - V(present) creates the semantic store or brings it to the given options; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - OCID of the semantic store. Required to rename it; otherwise O(compartment_id) and O(display_name) find it.
    type: str
    aliases: [semantic_store_id]
  compartment_id:
    description:
      - OCID of the compartment that holds the semantic store. Required to create it or to find it by name.
      - With O(id), giving another compartment moves the semantic store there.
    type: str
  display_name:
    description:
      - Name of the semantic store. Names are not unique in OCI; this module treats them as unique in a compartment.
      - One of O(id) and O(display_name) is required.
    type: str
  description:
    description:
      - Description of the semantic store.
    type: str
  data_source:
    description:
      - The Database Tools connections the store uses. Required to create it; cannot be changed afterwards.
    type: dict
    suboptions:
      connection_type:
        description:
          - Kind of connection.
        type: str
        default: DATABASE_TOOLS_CONNECTION
        choices: [DATABASE_TOOLS_CONNECTION]
      querying_connection_id:
        description:
          - OCID of the Database Tools connection that runs the queries.
        type: str
        required: true
      enrichment_connection_id:
        description:
          - OCID of the Database Tools connection that reads the schemas to describe them.
        type: str
        required: true
  schemas:
    description:
      - The database schemas the store covers. Required to create it.
    type: dict
    suboptions:
      connection_type:
        description:
          - Kind of connection.
        type: str
        default: DATABASE_TOOLS_CONNECTION
        choices: [DATABASE_TOOLS_CONNECTION]
      schemas:
        description:
          - The schemas, each by C(name).
        type: list
        elements: dict
        required: true
        suboptions:
          name:
            description: Name of the schema.
            type: str
            required: true
  is_user_defined_semantics_enabled:
    description:
      - Whether semantics that users define are used.
    type: bool
  model_selection:
    description:
      - The model that answers, the service's default or a custom one.
    type: dict
    suboptions:
      model_selection_type:
        description:
          - V(DEFAULT) or V(CUSTOM).
        type: str
        required: true
        choices: [CUSTOM, DEFAULT]
      model_id:
        description:
          - OCID of the model. Required with O(model_selection.model_selection_type=CUSTOM), refused otherwise.
        type: str
  refresh_schedule:
    description:
      - When the store reads the schemas again.
    type: dict
    suboptions:
      type:
        description:
          - V(INTERVAL) every O(refresh_schedule.value), V(ON_CREATE) once, V(NONE) never.
        type: str
        required: true
        choices: [INTERVAL, NONE, ON_CREATE]
      value:
        description:
          - The interval as an ISO 8601 duration, for example V(PT6H). Required with V(INTERVAL), refused otherwise.
        type: str
extends_documentation_fragment:
  - cloudai.control.oci
  - cloudai.control.connection
  - cloudai.control.oci.tags
  - cloudai.control.wait
  - cloudai.control.info_items
  - cloudai.control.oci.group
  - ansible.builtin.action_common_attributes
attributes:
  check_mode:
    support: full
    details: Predicts the semantic store after the change; sends no request that changes anything.
  diff_mode:
    support: full
    details: Shows the managed options before and after.
  platform:
    platforms: all
seealso:
  - module: cloudai.control.genai_semantic_store_info
'''

EXAMPLES = r'''
- name: A semantic store over the SALES schema, refreshed every six hours
  cloudai.control.genai_semantic_store:
    compartment_id: "{{ compartment_id }}"
    display_name: sales
    data_source:
      querying_connection_id: "{{ query_connection_id }}"
      enrichment_connection_id: "{{ enrichment_connection_id }}"
    schemas:
      schemas:
        - name: SALES
    refresh_schedule:
      type: INTERVAL
      value: PT6H
'''

RETURN = r'''
semantic_store:
  description:
    - The semantic store, with snake_case keys (tag keys exactly as stored).
    - In check mode, the predicted semantic store (without C(id) when it would be created).
    - V(null) after O(state=absent).
  returned: always
  type: dict
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
work_request:
  description: The work request that was followed while waiting, with snake_case keys.
  returned: when the change ran as a work request and O(wait=true)
  type: dict
  contains:
    id:
      description: OCID of the work request.
      type: str
    operation_type:
      description: What the work request did, for example C(CREATE_SEMANTIC_STORE).
      type: str
    status:
      description: Final status, C(SUCCEEDED) on success.
      type: str
    percent_complete:
      description: Progress in percent.
      type: float
    compartment_id:
      description: OCID of the compartment of the work request.
      type: str
    resources:
      description: The resources the work request affected, each with C(entity_type), C(action_type), C(identifier)
        and C(entity_uri).
      type: list
      elements: dict
    time_accepted:
      description: When the service accepted the work request (RFC 3339).
      type: str
    time_started:
      description: When the work request started (RFC 3339).
      type: str
      returned: once started
    time_finished:
      description: When the work request finished (RFC 3339).
      type: str
      returned: once finished
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_resource_module
from ansible_collections.cloudai.control.plugins.module_utils.genai import GENAI
from ansible_collections.cloudai.control.plugins.module_utils.genai_access import SEMANTIC_STORE


def main():
    run_resource_module(SEMANTIC_STORE, GENAI)


if __name__ == "__main__":
    main()
