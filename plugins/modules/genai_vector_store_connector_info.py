#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: genai_vector_store_connector_info
short_description: List or get OCI Generative AI vector store connectors, with their statistics and ingestion logs
version_added: 0.2.0
description:
  - Gets one vector store connector by O(id), or lists the connectors of a compartment, filtered by the service,
    across every page of results.
  - Optionally adds each connector's file statistics and the ingestion log of every file its syncs read.
  - Runs in check mode. The result is always a list.
author:
  - cloudai.control developers (@cloudai)
options:
  id:
    description:
      - OCID of one vector store connector to get. The result is a list of it, or an empty list if it does not exist.
    type: str
    aliases: [vector_store_connector_id]
  compartment_id:
    description:
      - OCID of the compartment to list. Required unless O(id) is given.
    type: str
  display_name:
    description:
      - Only vector store connectors with exactly this name.
    type: str
  vector_store_id:
    description:
      - Only the connectors of this vector store.
    type: str
  lifecycle_state:
    description:
      - Only vector store connectors in this lifecycle state.
    type: str
    choices: [ACTIVE, CREATING, UPDATING, DELETING, DELETED, FAILED]
  sort_by:
    description:
      - Field to sort by. V(timeCreated) sorts newest first unless O(sort_order) says otherwise.
    type: str
    choices: [name, timeCreated]
  sort_order:
    description:
      - Sort order.
    type: str
    choices: [ASC, DESC]
  include_stats:
    description:
      - Add the connector's file statistics to each result, under RV(vector_store_connectors[].stats). One more request
        per connector.
    type: bool
    default: false
  include_ingestion_logs:
    description:
      - Add the ingestion log of every file to each result, under RV(vector_store_connectors[].ingestion_logs). One
        more list call per connector.
    type: bool
    default: false
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
  - module: cloudai.control.genai_vector_store_connector
  - module: cloudai.control.genai_vector_store_connector_file_sync
'''

EXAMPLES = r'''
- name: How many files has the knowledge base taken in, and which failed?
  cloudai.control.genai_vector_store_connector_info:
    id: "{{ connector_id }}"
    include_stats: true
    include_ingestion_logs: true
  register: found

- name: Show the failed files
  ansible.builtin.debug:
    msg: "{{ found.vector_store_connectors[0].ingestion_logs | selectattr('status', '==', 'FAILED') | map(attribute='file_path') }}"
'''

RETURN = r'''
vector_store_connectors:
  description:
    - The vector store connectors, with snake_case keys. Listed items carry the fields of the service's summary; getting one by O(id) gives every field.
    - Each item can be given to M(cloudai.control.genai_vector_store_connector) as its arguments.
  returned: always
  type: list
  elements: dict
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
    stats:
      description: File statistics of the connector.
      type: dict
      returned: with O(include_stats=true)
      contains:
        time_generated:
          description: When the statistics were computed (RFC 3339).
          type: str
        created:
          description: Files added, as C(total_files_synced) and C(sync_stats_by_file_type) (file type, for example
            C(PDF), to count).
          type: dict
        updated:
          description: Files changed, in the same shape as RV(vector_store_connectors[].stats.created).
          type: dict
        deleted:
          description: Files removed, in the same shape as RV(vector_store_connectors[].stats.created).
          type: dict
        metadata_updated:
          description: Files whose metadata changed, in the same shape as RV(vector_store_connectors[].stats.created).
          type: dict
        ignored:
          description: Files left out, in the same shape as RV(vector_store_connectors[].stats.created).
          type: dict
        unsupported:
          description: Files of a type the service cannot read, in the same shape as RV(vector_store_connectors[].stats.created).
          type: dict
        in_progress:
          description: Files still being read, in the same shape as RV(vector_store_connectors[].stats.created).
          type: dict
        failed:
          description: Files that could not be read, in the same shape as RV(vector_store_connectors[].stats.created).
          type: dict
        freeform_tags:
          description: Free-form tags.
          type: dict
        defined_tags:
          description: Defined tags.
          type: dict
        system_tags:
          description: Tags the system adds.
          type: dict
    ingestion_logs:
      description: One entry per file its syncs read, with the C(vector_store_connector_file_sync_id) that read it.
      type: list
      elements: dict
      returned: with O(include_ingestion_logs=true)
      contains:
        file_id:
          description: Id of the file.
          type: str
        file_path:
          description: Where the file is.
          type: str
        file_size_in_bytes:
          description: Size of the file.
          type: int
        total_chunks_created:
          description: Chunks the file was split into.
          type: int
        duration_in_seconds:
          description: How long ingesting the file took.
          type: int
        status:
          description: C(COMPLETED), C(CANCELLED), C(FAILED), C(QUEUED) or C(IN_PROGRESS).
          type: str
        vector_store_connector_file_sync_id:
          description: OCID of the file sync that read the file.
          type: str
        freeform_tags:
          description: Free-form tags.
          type: dict
        defined_tags:
          description: Defined tags.
          type: dict
        system_tags:
          description: Tags the system adds.
          type: dict
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.genai import GENAI
from ansible_collections.cloudai.control.plugins.module_utils.genai_apps import VECTOR_STORE_CONNECTOR


def main():
    run_info_module(VECTOR_STORE_CONNECTOR, GENAI)


if __name__ == "__main__":
    main()
