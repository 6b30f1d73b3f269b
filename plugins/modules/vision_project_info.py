#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vision_project_info
short_description: List or get OCI Vision projects
version_added: 0.1.0
description:
  - Gets one project by O(id), or lists the projects of a compartment, filtered by the service, across every page
    of results.
  - Runs in check mode. The result is always a list.
author:
  - cloudai.control developers (@cloudai)
options:
  id:
    description:
      - OCID of one project to get. The result is a list of that project, or an empty list if it does not exist.
    type: str
    aliases: [project_id]
  compartment_id:
    description:
      - Only those of this compartment (OCID). The service takes it as an optional filter.
    type: str
  display_name:
    description:
      - Only projects with exactly this name.
    type: str
  lifecycle_state:
    description:
      - Only projects in this lifecycle state.
    type: str
    choices: [CREATING, UPDATING, ACTIVE, DELETING, DELETED, FAILED]
  sort_by:
    description:
      - Field to sort by. The service's default is V(timeCreated), newest first; V(displayName) sorts A to Z.
    type: str
    choices: [timeCreated, displayName]
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
  - module: cloudai.control.vision_project
'''

EXAMPLES = r'''
- name: The active projects of a compartment, by name
  cloudai.control.vision_project_info:
    compartment_id: "{{ compartment_id }}"
    lifecycle_state: ACTIVE
    sort_by: displayName
  register: result

- name: Show their names
  ansible.builtin.debug:
    msg: "{{ result.projects | map(attribute='display_name') }}"
'''

RETURN = r'''
projects:
  description: The projects found, with snake_case keys (tag keys exactly as stored).
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: OCID of the project.
      type: str
    compartment_id:
      description: OCID of the compartment.
      type: str
    display_name:
      description: Name of the project.
      type: str
    description:
      description: Description of the project (only when got by O(id); the list call leaves it out).
      type: str
      returned: when got by id and set
    lifecycle_state:
      description: C(CREATING), C(UPDATING), C(ACTIVE), C(DELETING), C(DELETED) or C(FAILED).
      type: str
    time_created:
      description: When the project was created (RFC 3339).
      type: str
    freeform_tags:
      description: Free-form tags.
      type: dict
    defined_tags:
      description: Defined tags.
      type: dict
    lifecycle_details:
      description: What the service says about the state.
      type: str
      returned: when the service gives it
    time_updated:
      description: When the project was last updated (RFC 3339).
      type: str
      returned: when the project has been updated
    system_tags:
      description: Tags the system adds.
      type: dict
      returned: when the service gives them
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.vision import PROJECT, VISION


def main():
    run_info_module(PROJECT, VISION)


if __name__ == "__main__":
    main()
