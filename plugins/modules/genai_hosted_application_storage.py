#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: genai_hosted_application_storage
short_description: Create, move and delete OCI Generative AI hosted application storages
version_added: 0.2.0
description:
  - Manages a hosted application storage of OCI Generative AI, a cache or a database that hosted applications
    (M(cloudai.control.genai_hosted_application)) use through O(cloudai.control.genai_hosted_application#module:storage_configs).
  - It is found by O(id), or by O(compartment_id) and O(display_name). A name that matches more than one live storage
    is an error.
  - The service has no update call for a storage. Only a new O(compartment_id) changes one (it moves it);
    O(storage_type), O(description) and tags that differ from the storage's are refused, naming them.
  - Creates are safe to retry; moves and deletes send its etag, so a concurrent change is not overwritten.
author:
  - cloudai.control developers (@cloudai)
options:
  state:
    description:
      - V(present) creates the hosted application storage or brings it to the given options; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - OCID of the hosted application storage. Required to rename it; otherwise O(compartment_id) and O(display_name) find it.
    type: str
    aliases: [hosted_application_storage_id]
  compartment_id:
    description:
      - OCID of the compartment that holds the hosted application storage. Required to create one or to find it by name.
      - With O(id), giving another compartment moves it there.
    type: str
  display_name:
    description:
      - Name of the hosted application storage. Names are not unique in OCI; this module treats them as unique in a compartment.
      - One of O(id) and O(display_name) is required; required to create one.
    type: str
  storage_type:
    description:
      - V(CACHE), V(POSTGRESQL) or V(ADB) (Autonomous Database). Required to create a storage; cannot be changed.
    type: str
    choices: [CACHE, POSTGRESQL, ADB]
  description:
    description:
      - Description of the storage. Cannot be changed after creation.
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
    details: Predicts the storage after the change; sends no request that changes anything.
  diff_mode:
    support: full
    details: Shows the managed options before and after.
  platform:
    platforms: all
seealso:
  - module: cloudai.control.genai_hosted_application_storage_info
  - module: cloudai.control.genai_hosted_application
'''

EXAMPLES = r'''
- name: A cache for the support assistant
  cloudai.control.genai_hosted_application_storage:
    compartment_id: "{{ compartment_id }}"
    display_name: support-cache
    storage_type: CACHE
  register: cache

- name: Move it to the production compartment
  cloudai.control.genai_hosted_application_storage:
    id: "{{ cache.hosted_application_storage.id }}"
    compartment_id: "{{ production_compartment_id }}"

- name: Delete it
  cloudai.control.genai_hosted_application_storage:
    id: "{{ cache.hosted_application_storage.id }}"
    state: absent
'''

RETURN = r'''
hosted_application_storage:
  description:
    - The hosted application storage, with snake_case keys (tag keys exactly as stored).
    - In check mode, the predicted hosted application storage (without C(id) when it would be created).
    - V(null) after O(state=absent).
  returned: always
  type: dict
  contains:
    id:
      description: OCID of the storage.
      type: str
      sample: ocid1.generativeaihostedapplicationstorage.oc1.us-chicago-1.amaaaaaaexample
    compartment_id:
      description: OCID of the compartment.
      type: str
    display_name:
      description: Name of the storage.
      type: str
    description:
      description: Description.
      type: str
      returned: when set
    storage_type:
      description: C(CACHE), C(POSTGRESQL) or C(ADB).
      type: str
    application_ids:
      description: OCIDs of the hosted applications that use the storage.
      type: list
      elements: str
      returned: when getting one storage
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
      description: What the work request did, for example C(CREATE_HOSTED_APPLICATION_STORAGE).
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
from ansible_collections.cloudai.control.plugins.module_utils.genai_apps import HOSTED_APPLICATION_STORAGE


def main():
    run_resource_module(HOSTED_APPLICATION_STORAGE, GENAI)


if __name__ == "__main__":
    main()
