#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vision_project
short_description: Create, update, move and delete OCI Vision projects
version_added: 0.1.0
description:
  - Manages a project of OCI Vision, the container of the custom models trained with M(cloudai.control.vision_model).
  - The project is found by O(id), or by O(compartment_id) and O(display_name). A name that matches more than one
    live project is an error.
  - O(display_name), O(description) and tags are changed in place, through a work request the module follows; a new
    O(compartment_id) moves the project.
  - Creates are safe to retry; updates and deletes send the project's etag, so a concurrent change is not overwritten.
  - A project that still holds models cannot be deleted; the error names the models. Delete them first.
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
      - OCID of the project. Required to rename a project; otherwise O(compartment_id) and O(display_name) find it.
    type: str
    aliases: [project_id]
  compartment_id:
    description:
      - OCID of the compartment that holds the project. Required to create a project or to find it by name.
      - With O(id), giving another compartment moves the project there. Without O(id), the project is looked up
        by name in this compartment only.
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
  - module: cloudai.control.vision_project_info
  - module: cloudai.control.vision_model
'''

EXAMPLES = r'''
- name: Create a project for the custom models of the quality team
  cloudai.control.vision_project:
    compartment_id: "{{ compartment_id }}"
    display_name: defect-detection
    description: Custom models that find defects on the assembly line
    freeform_tags:
      team: quality
  register: project

- name: Rename it
  cloudai.control.vision_project:
    id: "{{ project.project.id }}"
    display_name: defect-detection-v2

- name: Move it to another compartment
  cloudai.control.vision_project:
    id: "{{ project.project.id }}"
    compartment_id: "{{ production_compartment_id }}"

- name: Delete it
  cloudai.control.vision_project:
    compartment_id: "{{ production_compartment_id }}"
    display_name: defect-detection-v2
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
      sample: ocid1.aivisionproject.oc1.us-ashburn-1.amaaaaaaexample
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
      description: C(CREATING), C(UPDATING), C(ACTIVE), C(DELETING), C(DELETED) or C(FAILED).
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
      returned: when the project has been updated
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
      description: What the work request did, for example C(CREATE_PROJECT) or C(UPDATE_PROJECT).
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
from ansible_collections.cloudai.control.plugins.module_utils.vision import PROJECT, VISION


def main():
    run_resource_module(PROJECT, VISION)


if __name__ == "__main__":
    main()
