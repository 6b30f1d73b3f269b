#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: genai_imported_model
short_description: Import, update, move and delete OCI Generative AI imported models
version_added: 0.1.0
description:
  - Manages an imported model of OCI Generative AI, a model the service copies in from a Hugging Face repository
    or from model files in Object Storage, to be served by an endpoint.
  - The model is found by O(id), or by O(compartment_id) and O(display_name). A name that matches more than one
    live imported model is an error.
  - O(display_name), O(description), O(vendor), O(version) and tags are changed in place; a new O(compartment_id)
    moves the model. O(data_source) and O(capabilities) cannot be changed after creation.
  - Options that are not given are not managed; for those the service's own defaults apply when the model is
    imported.
  - The Hugging Face O(data_source.access_token) is sent only when the model is created. The service never
    returns it, so it is not compared, not shown in diffs and not part of the result; changing only the token
    changes nothing.
  - Deleting a model that an endpoint still serves fails, with a message that names the endpoints in the model's
    compartment that use it. Delete those endpoints first.
  - Creates are safe to retry; updates and deletes send the model's etag, so a concurrent change is not overwritten.
author:
  - cloudai.control developers (@cloudai)
options:
  state:
    description:
      - V(present) imports the model or brings it to the given options; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - OCID of the imported model. Required to rename a model; otherwise O(compartment_id) and O(display_name)
        find it.
    type: str
    aliases: [imported_model_id]
  compartment_id:
    description:
      - OCID of the compartment that holds the model. Required to create a model or to find it by name.
      - With O(id), giving another compartment moves the model there. Without O(id), the model is looked up
        by name in this compartment only.
    type: str
  display_name:
    description:
      - Name of the model. Names are not unique in OCI; this module treats them as unique in a compartment.
      - One of O(id) and O(display_name) is required.
    type: str
  data_source:
    description:
      - Where the model files come from. Required to create a model; cannot be changed afterwards.
      - Only the suboptions given are compared with the model, apart from O(data_source.access_token), which is
        never compared.
    type: dict
    suboptions:
      source_type:
        description:
          - V(HUGGING_FACE_MODEL) imports a Hugging Face repository (O(data_source.model_id), and optionally
            O(data_source.access_token), O(data_source.branch), O(data_source.commit)).
          - V(OBJECT_STORAGE_OBJECT) imports the files under a prefix of an Object Storage bucket
            (O(data_source.namespace_name), O(data_source.bucket_name), O(data_source.prefix_name), and optionally
            O(data_source.region)).
          - Suboptions of the other source type are refused.
        type: str
        required: true
        choices: [HUGGING_FACE_MODEL, OBJECT_STORAGE_OBJECT]
      namespace_name:
        description:
          - Object Storage namespace of the bucket. Required with O(data_source.source_type=OBJECT_STORAGE_OBJECT).
        type: str
      bucket_name:
        description:
          - Name of the bucket. Required with O(data_source.source_type=OBJECT_STORAGE_OBJECT).
        type: str
      prefix_name:
        description:
          - Prefix (folder) in the bucket that holds the model files.
            Required with O(data_source.source_type=OBJECT_STORAGE_OBJECT).
        type: str
      region:
        description:
          - Region identifier of the bucket, for example V(us-ashburn-1). The service's default is the tenancy's
            home region. Only with O(data_source.source_type=OBJECT_STORAGE_OBJECT).
        type: str
      model_id:
        description:
          - Hugging Face repository id, C(org/name), for example V(meta-llama/Llama-3.1-8B-Instruct).
            Required with O(data_source.source_type=HUGGING_FACE_MODEL).
        type: str
      access_token:
        description:
          - Hugging Face access token, needed for gated or private repositories. OCI keeps it in OCI Vault.
          - The value is a secret. It is masked in the task output, never returned, and not compared with the
            model, so changing only the token changes nothing.
          - Only with O(data_source.source_type=HUGGING_FACE_MODEL).
        type: str
      branch:
        description:
          - Branch of the repository to import. The service's default is V(main).
          - Only with O(data_source.source_type=HUGGING_FACE_MODEL).
        type: str
      commit:
        description:
          - Commit hash of the repository to import. It wins over O(data_source.branch).
          - Only with O(data_source.source_type=HUGGING_FACE_MODEL).
        type: str
  capabilities:
    description:
      - What the model is meant for. The order does not matter. Cannot be changed after creation.
      - When left out, the service decides.
    type: list
    elements: str
    choices: [TEXT_TO_TEXT, IMAGE_TEXT_TO_TEXT, EMBEDDING, RERANK, TEXT_TO_IMAGE, IMAGE_TEXT_TO_IMAGE,
              IMAGE_TEXT_TO_VIDEO, IMAGE_TO_IMAGE, REALTIME, AUDIO_TO_AUDIO, AUDIO_TO_TEXT, TEXT_TO_AUDIO,
              TEXT_TO_VIDEO, AUDIO_TEXT_TO_TEXT, AUDIO_TRANSLATION, VIDEO_TEXT_TO_TEXT]
  description:
    description:
      - Description of the model.
    type: str
  vendor:
    description:
      - Provider of the model, a free label.
    type: str
  version:
    description:
      - Version of the model, a free label.
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
    details: Predicts the model after the change; sends no request that changes anything.
  diff_mode:
    support: full
    details: Shows the managed options before and after, without the access token.
  platform:
    platforms: all
seealso:
  - module: cloudai.control.genai_imported_model_info
  - module: cloudai.control.genai_endpoint
'''

EXAMPLES = r'''
- name: Import a gated model from Hugging Face, at a fixed commit
  cloudai.control.genai_imported_model:
    compartment_id: "{{ compartment_id }}"
    display_name: llama-3.1-8b-instruct
    data_source:
      source_type: HUGGING_FACE_MODEL
      model_id: meta-llama/Llama-3.1-8B-Instruct
      access_token: "{{ hf_token }}"
      commit: 0e9e39f249a16976918f6564b8830bc894c89659
    capabilities: [TEXT_TO_TEXT]
    vendor: meta
    version: "3.1"
    wait_timeout: 3600
  register: imported

- name: Import model files from an Object Storage bucket in another region
  cloudai.control.genai_imported_model:
    compartment_id: "{{ compartment_id }}"
    display_name: support-embedder
    data_source:
      source_type: OBJECT_STORAGE_OBJECT
      namespace_name: "{{ object_storage_namespace }}"
      bucket_name: models
      prefix_name: embedders/support-v2/
      region: eu-frankfurt-1
    capabilities: [EMBEDDING]
    description: Embedding model for the support knowledge base

- name: Serve the Hugging Face model on a hosting cluster
  cloudai.control.genai_endpoint:
    compartment_id: "{{ compartment_id }}"
    display_name: llama-3.1-8b
    model_id: "{{ imported.imported_model.id }}"
    dedicated_ai_cluster_id: "{{ hosting_cluster_id }}"

- name: Tag the imported model
  cloudai.control.genai_imported_model:
    id: "{{ imported.imported_model.id }}"
    freeform_tags:
      source: hugging-face

- name: Delete it
  cloudai.control.genai_imported_model:
    compartment_id: "{{ compartment_id }}"
    display_name: support-embedder
    state: absent
'''

RETURN = r'''
imported_model:
  description:
    - The imported model, with snake_case keys (tag keys exactly as stored).
    - In check mode, the predicted model (without C(id) when it would be created).
    - V(null) after O(state=absent).
  returned: always
  type: dict
  contains:
    id:
      description: OCID of the imported model.
      type: str
      sample: ocid1.generativeaiimportedmodel.oc1.us-chicago-1.amaaaaaaexample
    compartment_id:
      description: OCID of the compartment.
      type: str
    display_name:
      description: Name of the model.
      type: str
    description:
      description: Description of the model.
      type: str
      returned: when set
    data_source:
      description:
        - Where the model files came from, with C(source_type) and the fields of that source type.
        - Never holds the access token.
      type: dict
      sample:
        source_type: HUGGING_FACE_MODEL
        model_id: meta-llama/Llama-3.1-8B-Instruct
        branch: main
    capabilities:
      description: What the model is meant for.
      type: list
      elements: str
      returned: when the service gives them
      sample: [TEXT_TO_TEXT]
    vendor:
      description: Provider of the model.
      type: str
      returned: when set
    version:
      description: Version of the model.
      type: str
      returned: when set
    lifecycle_state:
      description: C(CREATING), C(ACTIVE), C(UPDATING), C(DELETING), C(DELETED) or C(FAILED).
      type: str
    lifecycle_details:
      description: What the service says about the state.
      type: str
      returned: when the service gives it
    time_created:
      description: When the model was created (RFC 3339).
      type: str
    time_updated:
      description: When the model was last updated (RFC 3339).
      type: str
      returned: when the model has been updated
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
      description: What the work request did, for example C(CREATE_IMPORTED_MODEL).
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
from ansible_collections.cloudai.control.plugins.module_utils.genai import GENAI, IMPORTED_MODEL


def main():
    run_resource_module(IMPORTED_MODEL, GENAI)


if __name__ == "__main__":
    main()
