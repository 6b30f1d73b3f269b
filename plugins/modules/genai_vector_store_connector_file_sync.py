#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: genai_vector_store_connector_file_sync
short_description: Start, follow and cancel OCI Generative AI vector store connector file syncs
version_added: 0.2.0
description:
  - Starts a file sync of a vector store connector (M(cloudai.control.genai_vector_store_connector)), which reads
    the connector's files into its vector store, once, and follows it until it has finished. Cancels a file sync
    that is still running (O(state=absent)).
  - How C(already started) is decided, as for the Vision jobs (M(cloudai.control.vision_image_job)). Without O(id), the
    file sync is started with an C(opc-retry-token) derived from O(vector_store_connector_id), O(display_name) and a
    generation number (first 0). The service answers a token it has seen in the last 24 hours with the file sync that
    token started, instead of starting another. When that answer is a file sync the service created more than 2
    seconds before it answered (its C(time_created) against the answer's C(Date)), an earlier run started it. If it
    C(SUCCEEDED) or is still running it counts as already there (C(changed=false)); if it C(FAILED) or was
    C(CANCELED), the next generation's token is tried, so a new file sync is started. Each host also records the file
    syncs it starts, by token, for 24 hours in C(cloudai.control/starts.json) under C($XDG_CACHE_HOME) (by default
    C(~/.cache)), so the same task run again at once on the same host reports C(changed=false).
  - The same O(display_name) with other options for the same connector within 24 hours fails the task, since the
    service refuses the token with another request, and a file sync cannot be changed. After 24 hours a run starts a
    new file sync; to follow one for longer, give its RV(vector_store_connector_file_sync.id) as O(id).
  - In check mode a file sync cannot be looked up by name without starting it, so without O(id) the module predicts a
    start (C(changed=true)) and warns. O(state=absent) needs O(id).
  - Its ingestion logs are read with M(cloudai.control.genai_vector_store_connector_file_sync_info).
author:
  - cloudai.control developers (@cloudai)
options:
  state:
    description:
      - V(present) starts the file sync (once) and waits for it; V(absent) cancels it if it is still running.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - OCID of a file sync started before. The module then reads it (and waits for it), or cancels it with
        O(state=absent); options given must match it, since a file sync cannot be changed.
    type: str
    aliases: [vector_store_connector_file_sync_id]
  display_name:
    description:
      - Name of the file sync. With O(vector_store_connector_id), it decides whether the file sync was already
        started (see above). One of O(id) and O(display_name) is required.
    type: str
  vector_store_connector_id:
    description:
      - OCID of the connector whose files to sync. Required to start a file sync.
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
    details: Predicts a start without O(id) (and warns), or the cancel; sends no request that changes anything.
  diff_mode:
    support: full
    details: Shows the managed options before and after.
  platform:
    platforms: all
seealso:
  - module: cloudai.control.genai_vector_store_connector_file_sync_info
'''

EXAMPLES = r'''
- name: Sync the knowledge base now, once per release
  cloudai.control.genai_vector_store_connector_file_sync:
    vector_store_connector_id: "{{ connector.vector_store_connector.id }}"
    display_name: "release-{{ release }}"
    wait_timeout: 3600
  register: sync

- name: Which files were read?
  cloudai.control.genai_vector_store_connector_file_sync_info:
    id: "{{ sync.vector_store_connector_file_sync.id }}"
    include_ingestion_logs: true
  register: logs

- name: Cancel a file sync that takes too long
  cloudai.control.genai_vector_store_connector_file_sync:
    id: "{{ sync.vector_store_connector_file_sync.id }}"
    state: absent
'''

RETURN = r'''
vector_store_connector_file_sync:
  description:
    - The file sync, with snake_case keys (tag keys exactly as stored).
    - In check mode, the predicted file sync (without C(id) when it would be created).
    - V(null) after O(state=absent).
  returned: always
  type: dict
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
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_resource_module
from ansible_collections.cloudai.control.plugins.module_utils.genai import GENAI
from ansible_collections.cloudai.control.plugins.module_utils.genai_apps import VECTOR_STORE_CONNECTOR_FILE_SYNC


def main():
    run_resource_module(VECTOR_STORE_CONNECTOR_FILE_SYNC, GENAI)


if __name__ == "__main__":
    main()
