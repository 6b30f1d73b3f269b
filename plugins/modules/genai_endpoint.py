#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: genai_endpoint
short_description: Create, update, move and delete OCI Generative AI endpoints
version_added: 0.1.0
description:
  - Manages an endpoint of OCI Generative AI, which serves one model (a base, custom or imported model) on a
    hosting dedicated AI cluster.
  - The endpoint is found by O(id), or by O(compartment_id) and O(display_name). A name that matches more than one
    live endpoint is an error.
  - O(display_name), O(description), O(generative_ai_private_endpoint_id), the guardrails
    (O(content_moderation_config), O(prompt_injection_config), O(pii_detection_config)) and tags are changed in
    place; a new O(compartment_id) moves the endpoint. O(model_id) and O(dedicated_ai_cluster_id) cannot be changed
    after creation.
  - Options that are not given are not managed; for those the service's own defaults apply when the endpoint is
    created.
  - Creates are safe to retry; updates and deletes send the endpoint's etag, so a concurrent change is not
    overwritten.
  - An endpoint must be deleted before the model it serves or its cluster can be deleted.
author:
  - cloudai.control developers (@cloudai)
options:
  state:
    description:
      - V(present) creates the endpoint or brings it to the given options; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - OCID of the endpoint. Required to rename an endpoint; otherwise O(compartment_id) and O(display_name)
        find it.
    type: str
    aliases: [endpoint_id]
  compartment_id:
    description:
      - OCID of the compartment that holds the endpoint. Required to create an endpoint or to find it by name.
      - With O(id), giving another compartment moves the endpoint there. Without O(id), the endpoint is looked up
        by name in this compartment only.
    type: str
  display_name:
    description:
      - Name of the endpoint. Names are not unique in OCI; this module treats them as unique in a compartment.
      - One of O(id) and O(display_name) is required.
    type: str
  model_id:
    description:
      - OCID of the model the endpoint serves, which may be a base model, a custom (fine-tuned) model or an
        imported model.
      - Required to create an endpoint; cannot be changed afterwards.
    type: str
  dedicated_ai_cluster_id:
    description:
      - OCID of the dedicated AI cluster the endpoint runs on. It must be a cluster of type V(HOSTING) whose unit
        shape fits the model.
      - Required to create an endpoint; cannot be changed afterwards.
    type: str
  description:
    description:
      - Description of the endpoint.
    type: str
  generative_ai_private_endpoint_id:
    description:
      - OCID of a Generative AI private endpoint through which the endpoint is reached from a private network.
    type: str
  content_moderation_config:
    description:
      - Content moderation of the endpoint's input and output.
      - Only the suboptions given are compared with the endpoint. When something differs the dictionary is sent
        as given, so give every suboption you care about; the service's defaults apply to the others.
    type: dict
    suboptions:
      is_enabled:
        description:
          - Whether content moderation is on.
        type: bool
        required: true
      mode:
        description:
          - V(INFORM) only reports what the moderation finds; V(BLOCK) also blocks it.
        type: str
      model_id:
        description:
          - OCID of the model that does the moderation.
        type: str
  prompt_injection_config:
    description:
      - Prompt injection detection on the endpoint's input.
      - Compared and sent like O(content_moderation_config).
    type: dict
    suboptions:
      is_enabled:
        description:
          - Whether prompt injection detection is on.
        type: bool
        required: true
      mode:
        description:
          - Mode of operation, as the service names it.
        type: str
      model_id:
        description:
          - OCID of the model that does the detection.
        type: str
  pii_detection_config:
    description:
      - Detection of personally identifiable information (PII).
      - Compared and sent like O(content_moderation_config).
    type: dict
    suboptions:
      is_enabled:
        description:
          - Whether PII detection is on.
        type: bool
        required: true
      mode:
        description:
          - Mode of operation, as the service names it.
        type: str
      model_id:
        description:
          - OCID of the model that does the detection.
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
    details: Predicts the endpoint after the change; sends no request that changes anything.
  diff_mode:
    support: full
    details: Shows the managed options before and after.
  platform:
    platforms: all
seealso:
  - module: cloudai.control.genai_endpoint_info
  - module: cloudai.control.genai_dedicated_ai_cluster
  - module: cloudai.control.genai_model
  - module: cloudai.control.genai_imported_model
'''

EXAMPLES = r'''
- name: Serve a custom model on a hosting cluster, blocking harmful content
  cloudai.control.genai_endpoint:
    compartment_id: "{{ compartment_id }}"
    display_name: support-chat
    model_id: "{{ custom_model_id }}"
    dedicated_ai_cluster_id: "{{ hosting_cluster_id }}"
    description: Chat model fine-tuned on support tickets
    content_moderation_config:
      is_enabled: true
      mode: BLOCK
    freeform_tags:
      team: support
  register: endpoint

- name: Also detect personal data, and show what would change first
  cloudai.control.genai_endpoint:
    id: "{{ endpoint.endpoint.id }}"
    pii_detection_config:
      is_enabled: true
  check_mode: true
  diff: true

- name: Rename the endpoint and add a tag, keeping the other tags
  cloudai.control.genai_endpoint:
    id: "{{ endpoint.endpoint.id }}"
    display_name: support-chat-v1
    freeform_tags:
      owner: alice
    purge_tags: false

- name: Move it to another compartment
  cloudai.control.genai_endpoint:
    id: "{{ endpoint.endpoint.id }}"
    compartment_id: "{{ production_compartment_id }}"

- name: Delete it, without waiting for the deletion to finish
  cloudai.control.genai_endpoint:
    compartment_id: "{{ production_compartment_id }}"
    display_name: support-chat-v1
    state: absent
    wait: false
'''

RETURN = r'''
endpoint:
  description:
    - The endpoint, with snake_case keys (tag keys exactly as stored).
    - In check mode, the predicted endpoint (without C(id) when it would be created).
    - V(null) after O(state=absent).
  returned: always
  type: dict
  contains:
    id:
      description: OCID of the endpoint.
      type: str
      sample: ocid1.generativeaiendpoint.oc1.us-chicago-1.amaaaaaaexample
    compartment_id:
      description: OCID of the compartment.
      type: str
    display_name:
      description: Name of the endpoint.
      type: str
    description:
      description: Description of the endpoint.
      type: str
      returned: when set
    model_id:
      description: OCID of the model the endpoint serves.
      type: str
    dedicated_ai_cluster_id:
      description: OCID of the hosting cluster.
      type: str
    generative_ai_private_endpoint_id:
      description: OCID of the private endpoint.
      type: str
      returned: when set
    content_moderation_config:
      description: Content moderation, with C(is_enabled), C(mode) and C(model_id).
      type: dict
      returned: when the service gives it
      sample: {"is_enabled": true, "mode": "BLOCK"}
    prompt_injection_config:
      description: Prompt injection detection, with C(is_enabled), C(mode) and C(model_id).
      type: dict
      returned: when the service gives it
    pii_detection_config:
      description: PII detection, with C(is_enabled), C(mode) and C(model_id).
      type: dict
      returned: when the service gives it
    lifecycle_state:
      description: C(CREATING), C(ACTIVE), C(UPDATING), C(DELETING), C(DELETED) or C(FAILED).
      type: str
    lifecycle_details:
      description: What the service says about the state.
      type: str
      returned: when the service gives it
    time_created:
      description: When the endpoint was created (RFC 3339).
      type: str
    time_updated:
      description: When the endpoint was last updated (RFC 3339).
      type: str
      returned: when the endpoint has been updated
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
      description: What the work request did, for example C(CREATE_ENDPOINT).
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
from ansible_collections.cloudai.control.plugins.module_utils.genai import ENDPOINT, GENAI


def main():
    run_resource_module(ENDPOINT, GENAI)


if __name__ == "__main__":
    main()
