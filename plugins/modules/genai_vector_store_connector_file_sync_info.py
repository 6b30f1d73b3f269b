#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: genai_vector_store_connector_file_sync_info
short_description: List or get OCI Generative AI vector store connector file syncs, with their ingestion logs
version_added: 0.2.0
description:
  - Gets one file sync by O(id), or lists the file syncs of a compartment, filtered by the service, across every page
    of results.
  - Optionally adds the ingestion log of every file each file sync read.
  - Runs in check mode. The result is always a list.
author:
  - cloudai.control developers (@cloudai)
options:
  id:
    description:
      - OCID of one file sync to get. The result is a list of it, or an empty list if it does not exist.
    type: str
    aliases: [vector_store_connector_file_sync_id]
  compartment_id:
    description:
      - OCID of the compartment to list. Required unless O(id) is given.
    type: str
  display_name:
    description:
      - Only file syncs with exactly this name.
    type: str
  vector_store_connector_id:
    description:
      - Only the file syncs of this connector.
    type: str
  lifecycle_state:
    description:
      - Only file syncs in this lifecycle state.
    type: str
    choices: [ACCEPTED, IN_PROGRESS, FAILED, SUCCEEDED, CANCELING, CANCELED]
  sort_by:
    description:
      - Field to sort by. V(timeCreated) sorts newest first unless O(sort_order) says otherwise.
    type: str
    choices: [displayName, timeCreated]
  sort_order:
    description:
      - Sort order.
    type: str
    choices: [ASC, DESC]
  include_ingestion_logs:
    description:
      - Add the ingestion log of every file to each result, under RV(vector_store_connector_file_syncs[].ingestion_logs).
        One more list call per file sync.
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
  - module: cloudai.control.genai_vector_store_connector_file_sync
'''

EXAMPLES = r'''
- name: The file syncs of a connector, newest first
  cloudai.control.genai_vector_store_connector_file_sync_info:
    compartment_id: "{{ compartment_id }}"
    vector_store_connector_id: "{{ connector_id }}"
  register: syncs
'''

RETURN = r'''
vector_store_connector_file_syncs:
  description:
    - The file syncs, with snake_case keys.
    - Each item can be given to M(cloudai.control.genai_vector_store_connector_file_sync) as its arguments.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: OCID of the file sync.
      type: str
      sample: ocid1.generativeaivectorstoreconnectorfilesync.oc1.us-chicago-1.amaaaaaaexample
    compartment_id:
      description: OCID of the compartment (the connector's).
      type: str
    tenant_id:
      description: OCID of the tenancy.
      type: str
      returned: when the service gives it
    display_name:
      description: Name of the file sync.
      type: str
    vector_store_connector_id:
      description: OCID of the connector.
      type: str
    lifecycle_state:
      description: C(ACCEPTED), C(IN_PROGRESS), C(SUCCEEDED), C(FAILED), C(CANCELING) or C(CANCELED).
      type: str
    lifecycle_details:
      description: What the service says about the state.
      type: str
      returned: when the service gives it
    trigger_type:
      description: C(MANUAL) or C(SCHEDULED).
      type: str
      returned: when the service gives it
    time_created:
      description: When it was started (RFC 3339).
      type: str
    time_started:
      description: When it began to read files (RFC 3339).
      type: str
      returned: once started
    time_ended:
      description: When it ended (RFC 3339).
      type: str
      returned: once ended
    duration_in_seconds:
      description: How long it ran.
      type: int
      returned: once ended
    stats:
      description: What it did with the files, as C(created), C(updated), C(deleted), C(failed) and more, each with
        C(total_files_synced) and C(sync_stats_by_file_type).
      type: dict
      returned: once it has succeeded
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
    ingestion_logs:
      description: One entry per file the file sync read.
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
from ansible_collections.cloudai.control.plugins.module_utils.genai_apps import VECTOR_STORE_CONNECTOR_FILE_SYNC_LISTING


def main():
    run_info_module(VECTOR_STORE_CONNECTOR_FILE_SYNC_LISTING, GENAI)


if __name__ == "__main__":
    main()
