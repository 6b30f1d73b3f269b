#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: genai_hosted_application_info
short_description: List or get OCI Generative AI hosted applications
version_added: 0.2.0
description:
  - Gets one hosted application by O(id), or lists the hosted applications of a compartment, filtered by the service, across every page
    of results.
  - Runs in check mode. The result is always a list.
author:
  - cloudai.control developers (@cloudai)
options:
  id:
    description:
      - OCID of one hosted application to get. The result is a list of it, or an empty list if it does not exist.
    type: str
    aliases: [hosted_application_id]
  compartment_id:
    description:
      - OCID of the compartment to list. Required unless O(id) is given.
    type: str
  display_name:
    description:
      - Only hosted applications with exactly this name.
    type: str
  lifecycle_state:
    description:
      - Only hosted applications in this lifecycle state.
    type: str
    choices: [CREATING, ACTIVE, UPDATING, DELETING, DELETED, FAILED]
  sort_by:
    description:
      - Field to sort by. V(timeCreated) sorts newest first unless O(sort_order) says otherwise.
    type: str
    choices: [timeCreated, displayName, lifecycleState]
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
  - module: cloudai.control.genai_hosted_application
'''

EXAMPLES = r'''
- name: List the active hosted applications of a compartment
  cloudai.control.genai_hosted_application_info:
    compartment_id: "{{ compartment_id }}"
    lifecycle_state: ACTIVE
  register: found

- name: Get one by id
  cloudai.control.genai_hosted_application_info:
    id: "{{ application_id }}"
'''

RETURN = r'''
hosted_applications:
  description:
    - The hosted applications, with snake_case keys. Listed items carry the fields of the service's summary; getting one by
      O(id) gives every field.
    - Each item can be given to M(cloudai.control.genai_hosted_application) as its arguments.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: OCID of the hosted application.
      type: str
      sample: ocid1.generativeaihostedapplication.oc1.us-chicago-1.amaaaaaaexample
    compartment_id:
      description: OCID of the compartment.
      type: str
    display_name:
      description: Name of the hosted application.
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
    inbound_auth_config:
      description: How callers authenticate.
      type: dict
    public_access_path_patterns:
      description: Paths reached without authentication.
      type: list
      elements: str
      returned: when set
    application_endpoint:
      description: URL of the application.
      type: str
      returned: when the service gives it
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
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.genai import GENAI
from ansible_collections.cloudai.control.plugins.module_utils.genai_apps import HOSTED_APPLICATION


def main():
    run_info_module(HOSTED_APPLICATION, GENAI)


if __name__ == "__main__":
    main()
