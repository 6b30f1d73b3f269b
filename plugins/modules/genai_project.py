#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: genai_project
short_description: Create, update, move and delete OCI Generative AI projects
version_added: 0.2.0
description:
  - Manages a Generative AI project, which groups the conversations, memory and sandboxes of agentic applications.
  - The project is found by O(id), or by O(compartment_id) and O(display_name). A name that matches more than one
    live project is an error.
  - Every option is changed in place; a new O(compartment_id) moves the project. Changes run as work requests,
    which the module follows while O(wait=true).
  - The long-term memory and short-term memory optimization settings are not managed by this module; they are
    returned as the service gives them.
  - Options that are not given are not managed; for those the service's own defaults apply when the project is
    created.
author:
  - cloudai.control developers (@cloudai)
options:
  state:
    description:
      - V(present) creates the project or brings it to the given options; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - OCID of the project. Required to rename it; otherwise O(compartment_id) and O(display_name) find it.
    type: str
    aliases: [project_id]
  compartment_id:
    description:
      - OCID of the compartment that holds the project. Required to create it or to find it by name.
      - With O(id), giving another compartment moves the project there.
    type: str
  display_name:
    description:
      - Name of the project. Names are not unique in OCI; this module treats them as unique in a compartment.
      - One of O(id) and O(display_name) is required.
    type: str
  description:
    description:
      - Description of the project.
    type: str
  conversation_config:
    description:
      - How long the service keeps responses and conversations.
      - Only the suboptions given are compared with the project. When something differs the dictionary is sent as
        given, so give every suboption you care about.
    type: dict
    suboptions:
      responses_retention_in_hours:
        description:
          - Hours responses are kept.
        type: int
      conversations_retention_in_hours:
        description:
          - Hours conversations are kept.
        type: int
  sandbox_config:
    description:
      - The code sandboxes of the project. Compared and sent like O(conversation_config).
    type: dict
    suboptions:
      is_enabled:
        description:
          - Whether sandboxes are on.
        type: bool
        required: true
      is_persistence_enabled:
        description:
          - Whether sandboxes keep their files between sessions.
        type: bool
      warm_pool_config:
        description:
          - How many sandboxes of each size are kept ready.
        type: dict
        suboptions:
          small_count:
            description: Ready small sandboxes.
            type: int
          medium_count:
            description: Ready medium sandboxes.
            type: int
          large_count:
            description: Ready large sandboxes.
            type: int
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
    details: Predicts the project after the change; sends no request that changes anything.
  diff_mode:
    support: full
    details: Shows the managed options before and after.
  platform:
    platforms: all
seealso:
  - module: cloudai.control.genai_project_info
'''

EXAMPLES = r'''
- name: A project that keeps conversations for two days and runs sandboxes
  cloudai.control.genai_project:
    compartment_id: "{{ compartment_id }}"
    display_name: support-agents
    conversation_config:
      responses_retention_in_hours: 24
      conversations_retention_in_hours: 48
    sandbox_config:
      is_enabled: true
      warm_pool_config:
        small_count: 2

- name: Delete it
  cloudai.control.genai_project:
    compartment_id: "{{ compartment_id }}"
    display_name: support-agents
    state: absent
'''

RETURN = r'''
project:
  description:
    - The project, with snake_case keys (tag keys exactly as stored).
    - In check mode, the predicted project (without C(id) when it would be created).
    - V(null) after O(state=absent).
  returned: always
  type: dict
  contains:
    id:
      description: OCID of the project.
      type: str
      sample: ocid1.generativeaiproject.oc1.us-chicago-1.amaaaaaaexample
    compartment_id:
      description: OCID of the compartment.
      type: str
    display_name:
      description: Name of the project.
      type: str
    description:
      description: Description of the project.
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
      description: When the project was created (RFC 3339).
      type: str
    time_updated:
      description: When the project was last updated (RFC 3339).
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
    conversation_config:
      description: Retention of responses and conversations.
      type: dict
      returned: when the service gives it
    sandbox_config:
      description: The sandbox settings.
      type: dict
      returned: when the service gives it
    long_term_memory_config:
      description: Long-term memory settings, as the service gives them.
      type: dict
      returned: when the service gives it
    short_term_memory_optimization_config:
      description: Short-term memory optimization settings, as the service gives them.
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
      description: What the work request did, for example C(CREATE_PROJECT).
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
from ansible_collections.cloudai.control.plugins.module_utils.genai_access import PROJECT


def main():
    run_resource_module(PROJECT, GENAI)


if __name__ == "__main__":
    main()
