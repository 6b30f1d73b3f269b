#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: genai_vector_store_connector
short_description: Create, update and delete OCI Generative AI vector store connectors
version_added: 0.2.0
description:
  - Manages a vector store connector of OCI Generative AI, which fills a vector store with the files under
    Object Storage buckets and prefixes, on a schedule or when a file sync
    (M(cloudai.control.genai_vector_store_connector_file_sync)) is started.
  - It is found by O(id), or by O(compartment_id) and O(display_name). A name that matches more than one live
    connector is an error.
  - O(display_name), O(description), O(configuration), O(schedule_config) and tags are changed in place.
    O(vector_store_id) and O(vault_secret_id) cannot be changed; the service cannot move a connector to another
    compartment.
  - Its statistics and ingestion logs are read with M(cloudai.control.genai_vector_store_connector_info).
  - Creates are safe to retry; updates and deletes send its etag, so a concurrent change is not overwritten.
author:
  - cloudai.control developers (@cloudai)
options:
  state:
    description:
      - V(present) creates the vector store connector or brings it to the given options; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - OCID of the vector store connector. Required to rename it; otherwise O(compartment_id) and O(display_name) find it.
    type: str
    aliases: [vector_store_connector_id]
  compartment_id:
    description:
      - OCID of the compartment that holds the vector store connector. Required to create one or to find it by name.
      - The service cannot move it to another compartment, so another compartment is refused.
    type: str
  display_name:
    description:
      - Name of the vector store connector. Names are not unique in OCI; this module treats them as unique in a compartment.
      - One of O(id) and O(display_name) is required; required to create one.
    type: str
  vector_store_id:
    description:
      - OCID of the vector store to fill. Required to create a connector; cannot be changed.
    type: str
  description:
    description:
      - Description of the connector.
    type: str
  configuration:
    description:
      - Where the files come from. Required to create a connector. Only the suboptions given are compared.
    type: dict
    suboptions:
      type:
        description:
          - The source; Object Storage files is the only one.
        type: str
        default: OBJECT_STORAGE_FILES
        choices: [OBJECT_STORAGE_FILES]
      storage_config_list:
        description:
          - The buckets, at least one, in order.
        type: list
        elements: dict
        required: true
        suboptions:
          namespace:
            description:
              - Object Storage namespace of the bucket.
            type: str
            required: true
          bucket_name:
            description:
              - Name of the bucket.
            type: str
            required: true
          prefix_list:
            description:
              - Only the objects under these prefixes; the whole bucket when left out.
            type: list
            elements: str
  schedule_config:
    description:
      - When the connector syncs by itself. Only the suboptions given are compared.
    type: dict
    suboptions:
      config_type:
        description:
          - V(INTERVAL) needs O(schedule_config.frequency) and O(schedule_config.interval); V(CRON) needs
            O(schedule_config.cron_expression). Suboptions of the other type are refused.
        type: str
        required: true
        choices: [CRON, INTERVAL]
      state:
        description:
          - Whether the schedule runs.
        type: str
        choices: [ENABLED, DISABLED]
      time_start:
        description:
          - When the schedule starts (RFC 3339), as the service returns it.
        type: str
      time_end:
        description:
          - When the schedule ends (RFC 3339), as the service returns it.
        type: str
      frequency:
        description:
          - V(HOURLY) or V(DAILY), with V(INTERVAL).
        type: str
        choices: [HOURLY, DAILY]
      interval:
        description:
          - Every how many hours or days, with V(INTERVAL).
        type: int
      cron_expression:
        description:
          - A cron expression, with V(CRON), for example V(0 2 * * *).
        type: str
  vault_secret_id:
    description:
      - OCID of the OCI Vault secret that holds credentials for the source. Cannot be changed after creation.
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
    details: Predicts the connector after the change; sends no request that changes anything.
  diff_mode:
    support: full
    details: Shows the managed options before and after.
  platform:
    platforms: all
seealso:
  - module: cloudai.control.genai_vector_store_connector_info
  - module: cloudai.control.genai_vector_store_connector_file_sync
'''

EXAMPLES = r'''
- name: Fill the knowledge base from a bucket every night
  cloudai.control.genai_vector_store_connector:
    compartment_id: "{{ compartment_id }}"
    display_name: support-kb
    vector_store_id: "{{ vector_store_id }}"
    configuration:
      storage_config_list:
        - namespace: "{{ object_storage_namespace }}"
          bucket_name: support-docs
          prefix_list: [kb/]
    schedule_config:
      config_type: CRON
      cron_expression: 0 2 * * *
      state: ENABLED
  register: connector

- name: Delete it
  cloudai.control.genai_vector_store_connector:
    id: "{{ connector.vector_store_connector.id }}"
    state: absent
'''

RETURN = r'''
vector_store_connector:
  description:
    - The vector store connector, with snake_case keys (tag keys exactly as stored).
    - In check mode, the predicted vector store connector (without C(id) when it would be created).
    - V(null) after O(state=absent).
  returned: always
  type: dict
  contains:
    id:
      description: OCID of the connector.
      type: str
      sample: ocid1.generativeaivectorstoreconnector.oc1.us-chicago-1.amaaaaaaexample
    compartment_id:
      description: OCID of the compartment.
      type: str
    tenant_id:
      description: OCID of the tenancy.
      type: str
      returned: when the service gives it
    display_name:
      description: Name of the connector.
      type: str
    description:
      description: Description.
      type: str
      returned: when set
    vector_store_id:
      description: OCID of the vector store it fills.
      type: str
    configuration:
      description: Where the files come from, with C(type) and C(storage_config_list).
      type: dict
    schedule_config:
      description: When it syncs by itself.
      type: dict
      returned: when set
    vault_secret_id:
      description: OCID of the Vault secret of its credentials.
      type: str
      returned: when set, getting one connector
    lifecycle_state:
      description: C(CREATING), C(ACTIVE), C(UPDATING), C(DELETING), C(DELETED) or C(FAILED).
      type: str
    lifecycle_details:
      description: What the service says about the state.
      type: str
      returned: when the service gives it
    time_created:
      description: When it was created (RFC 3339).
      type: str
    time_updated:
      description: When it was last updated (RFC 3339).
      type: str
      returned: when it has been updated
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
work_request:
  description: The work request that was followed while waiting, with snake_case keys.
  returned: when the change ran as a work request and O(wait=true)
  type: dict
  contains:
    id:
      description: OCID of the work request.
      type: str
    operation_type:
      description: What the work request did, for example C(CREATE_VECTOR_STORE_CONNECTOR).
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
from ansible_collections.cloudai.control.plugins.module_utils.genai_apps import VECTOR_STORE_CONNECTOR


def main():
    run_resource_module(VECTOR_STORE_CONNECTOR, GENAI)


if __name__ == "__main__":
    main()
