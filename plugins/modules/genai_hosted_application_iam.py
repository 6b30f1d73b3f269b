#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: genai_hosted_application_iam
short_description: Create, update, move and delete OCI Generative AI IAM hosted applications
version_added: 0.2.0
description:
  - Manages an IAM hosted application of OCI Generative AI, a containerised application the service runs and scales, whose code
    comes from a hosted deployment (M(cloudai.control.genai_hosted_deployment)).
  - Its callers authenticate with OCI IAM (request signing), so it has no inbound authentication options; see
    M(cloudai.control.genai_hosted_application) for one behind an identity domain.
  - It is found by O(id), or by O(compartment_id) and O(display_name). A name that matches more than one live
    IAM hosted application is an error.
  - O(display_name), O(description), O(scaling_config), O(environment_variables) and tags are changed
    in place; a new O(compartment_id) moves it. O(networking_config) and O(storage_configs) cannot be changed after
    creation.
  - Options that are not given are not managed.
  - Creates are safe to retry; updates and deletes send its etag, so a concurrent change is not overwritten.
author:
  - cloudai.control developers (@cloudai)
options:
  state:
    description:
      - V(present) creates the IAM hosted application or brings it to the given options; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - OCID of the IAM hosted application. Required to rename it; otherwise O(compartment_id) and O(display_name) find it.
    type: str
    aliases: [hosted_application_iam_id]
  compartment_id:
    description:
      - OCID of the compartment that holds the IAM hosted application. Required to create one or to find it by name.
      - With O(id), giving another compartment moves it there.
    type: str
  display_name:
    description:
      - Name of the IAM hosted application. Names are not unique in OCI; this module treats them as unique in a compartment.
      - One of O(id) and O(display_name) is required; required to create one.
    type: str
  description:
    description:
      - Description of the IAM hosted application.
    type: str
  scaling_config:
    description:
      - How the application scales. Only the suboptions given are compared.
    type: dict
    suboptions:
      scaling_type:
        description:
          - The metric that drives scaling.
        type: str
        required: true
        choices: [CPU, MEMORY, CONCURRENCY, REQUESTS_PER_SECOND]
      min_replica:
        description:
          - Fewest replicas. Must not be more than O(scaling_config.max_replica).
        type: int
      max_replica:
        description:
          - Most replicas.
        type: int
      target_cpu_threshold:
        description:
          - CPU use in percent to keep each replica at, with O(scaling_config.scaling_type=CPU).
        type: int
      target_memory_threshold:
        description:
          - Memory use in percent to keep each replica at, with O(scaling_config.scaling_type=MEMORY).
        type: int
      target_concurrency_threshold:
        description:
          - Concurrent requests per replica, with O(scaling_config.scaling_type=CONCURRENCY).
        type: int
      target_rps_threshold:
        description:
          - Requests per second per replica, with O(scaling_config.scaling_type=REQUESTS_PER_SECOND).
        type: int
  networking_config:
    description:
      - Inbound and outbound networking. Cannot be changed after creation.
    type: dict
    suboptions:
      inbound_networking_config:
        description:
          - How clients reach the application.
        type: dict
        required: true
        suboptions:
          endpoint_mode:
            description:
              - V(PUBLIC) or V(PRIVATE) (behind O(networking_config.inbound_networking_config.private_endpoint_id)).
            type: str
            required: true
            choices: [PUBLIC, PRIVATE]
          private_endpoint_id:
            description:
              - OCID of the Generative AI private endpoint, with V(PRIVATE).
            type: str
      outbound_networking_config:
        description:
          - How the application reaches other services.
        type: dict
        required: true
        suboptions:
          network_mode:
            description:
              - V(MANAGED) by the service, or V(CUSTOM) in your subnet.
            type: str
            required: true
            choices: [MANAGED, CUSTOM]
          custom_subnet_id:
            description:
              - OCID of the subnet, with V(CUSTOM).
            type: str
          nsg_ids:
            description:
              - OCIDs of network security groups, with V(CUSTOM).
            type: list
            elements: str
  storage_configs:
    description:
      - Hosted application storages (M(cloudai.control.genai_hosted_application_storage)) the application uses, each
        passed to it in an environment variable. Cannot be changed after creation.
    type: list
    elements: dict
    suboptions:
      environment_variable_key:
        description:
          - Name of the environment variable that carries the storage's connection details.
        type: str
        required: true
      storage_id:
        description:
          - OCID of the hosted application storage.
        type: str
        required: true
  environment_variables:
    description:
      - Environment variables of the application, the whole list in order.
      - A V(PLAINTEXT) value is shown in results and diffs; put secrets in OCI Vault and give the secret's OCID with
        V(VAULT).
    type: list
    elements: dict
    suboptions:
      name:
        description:
          - Name of the variable.
        type: str
        required: true
      type:
        description:
          - V(PLAINTEXT) for a value, V(VAULT) for the OCID of a Vault secret.
        type: str
        required: true
        choices: [PLAINTEXT, VAULT]
      value:
        description:
          - The value, or the secret's OCID.
        type: str
        required: true
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
    details: Predicts the IAM hosted application after the change; sends no request that changes anything.
  diff_mode:
    support: full
    details: Shows the managed options before and after.
  platform:
    platforms: all
seealso:
  - module: cloudai.control.genai_hosted_application_iam_info
  - module: cloudai.control.genai_hosted_deployment
  - module: cloudai.control.genai_hosted_application_storage
'''

EXAMPLES = r'''
- name: Create the IAM hosted application, with a cache
  cloudai.control.genai_hosted_application_iam:
    compartment_id: "{{ compartment_id }}"
    display_name: support-assistant
    scaling_config:
      scaling_type: CPU
      min_replica: 1
      max_replica: 4
      target_cpu_threshold: 70
    networking_config:
      inbound_networking_config:
        endpoint_mode: PUBLIC
      outbound_networking_config:
        network_mode: MANAGED
    storage_configs:
      - environment_variable_key: CACHE_URL
        storage_id: "{{ cache.hosted_application_storage.id }}"
    environment_variables:
      - name: LOG_LEVEL
        type: PLAINTEXT
        value: info
      - name: API_TOKEN
        type: VAULT
        value: "{{ api_token_secret_ocid }}"
  register: application

- name: Scale it further
  cloudai.control.genai_hosted_application_iam:
    id: "{{ application.hosted_application_iam.id }}"
    scaling_config:
      scaling_type: CPU
      max_replica: 8

- name: Delete it
  cloudai.control.genai_hosted_application_iam:
    compartment_id: "{{ compartment_id }}"
    display_name: support-assistant
    state: absent
'''

RETURN = r'''
hosted_application_iam:
  description:
    - The IAM hosted application, with snake_case keys (tag keys exactly as stored).
    - In check mode, the predicted IAM hosted application (without C(id) when it would be created).
    - V(null) after O(state=absent).
  returned: always
  type: dict
  contains:
    id:
      description: OCID of the IAM hosted application.
      type: str
      sample: ocid1.generativeaihostedapplicationiam.oc1.us-chicago-1.amaaaaaaexample
    compartment_id:
      description: OCID of the compartment.
      type: str
    display_name:
      description: Name of the IAM hosted application.
      type: str
    description:
      description: Description.
      type: str
      returned: when set
    scaling_config:
      description: How it scales.
      type: dict
      returned: when set
    networking_config:
      description: Inbound and outbound networking.
      type: dict
      returned: when set
    storage_configs:
      description: The storages it uses, each with C(environment_variable_key) and C(storage_id).
      type: list
      elements: dict
      returned: when set
    environment_variables:
      description: Environment variables, each with C(name), C(type) and C(value).
      type: list
      elements: dict
      returned: when set
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
      description: What the work request did, for example C(CREATE_HOSTED_APPLICATION_IAM).
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
from ansible_collections.cloudai.control.plugins.module_utils.genai_apps import HOSTED_APPLICATION_IAM


def main():
    run_resource_module(HOSTED_APPLICATION_IAM, GENAI)


if __name__ == "__main__":
    main()
