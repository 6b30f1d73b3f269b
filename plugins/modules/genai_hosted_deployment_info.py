#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: genai_hosted_deployment_info
short_description: List or get OCI Generative AI hosted deployments
version_added: 0.2.0
description:
  - Gets one hosted deployment by O(id), or lists the deployments of a compartment, filtered by the service, across
    every page of results. Listed deployments carry no name and no compartment (the service's summary has neither).
  - Runs in check mode. The result is always a list.
author:
  - cloudai.control developers (@cloudai)
options:
  id:
    description:
      - OCID of one hosted deployment to get. The result is a list of it, or an empty list if it does not exist.
    type: str
    aliases: [hosted_deployment_id]
  compartment_id:
    description:
      - OCID of the compartment to list. Required unless O(id) is given.
    type: str
  display_name:
    description:
      - Only hosted deployments with exactly this name.
    type: str
  hosted_application_id:
    description:
      - Only the deployments of this hosted application.
    type: str
  lifecycle_state:
    description:
      - Only hosted deployments in this lifecycle state.
    type: str
    choices: [CREATING, NEEDS_ATTENTION, ACTIVE, INACTIVE, UPDATING, DELETING, DELETED, FAILED]
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
  - module: cloudai.control.genai_hosted_deployment
'''

EXAMPLES = r'''
- name: The deployments of an application
  cloudai.control.genai_hosted_deployment_info:
    compartment_id: "{{ compartment_id }}"
    hosted_application_id: "{{ application_id }}"
  register: deployments
'''

RETURN = r'''
hosted_deployments:
  description:
    - The hosted deployments, with snake_case keys. Listed items carry the fields of the service's summary; getting one by O(id) gives every field.
    - Each item can be given to M(cloudai.control.genai_hosted_deployment) as its arguments.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: OCID of the deployment.
      type: str
      sample: ocid1.generativeaihosteddeployment.oc1.us-chicago-1.amaaaaaaexample
    compartment_id:
      description: OCID of the compartment.
      type: str
      returned: when getting one deployment
    display_name:
      description: Name of the deployment.
      type: str
      returned: when getting one deployment
    hosted_application_id:
      description: OCID of the hosted application it deploys to.
      type: str
    active_artifact:
      description: The artifact that serves.
      type: dict
      contains:
        id:
          description: OCID of the artifact.
          type: str
        artifact_type:
          description: C(SIMPLE_DOCKER_ARTIFACT).
          type: str
        container_uri:
          description: The container image.
          type: str
        tag:
          description: Tag of the image.
          type: str
        status:
          description: C(ACTIVE) for the one that serves, else C(INACTIVE), C(UPDATING) or C(FAILED).
          type: str
        is_vulnerability_scan_required:
          description: Whether the image is scanned before it runs.
          type: bool
          returned: when set
        time_created:
          description: When the artifact was added (RFC 3339).
          type: str
        hosted_deployment_id:
          description: OCID of the deployment.
          type: str
    artifacts:
      description: Every artifact of the deployment, the active one included.
      type: list
      elements: dict
      contains:
        id:
          description: OCID of the artifact.
          type: str
        artifact_type:
          description: C(SIMPLE_DOCKER_ARTIFACT).
          type: str
        container_uri:
          description: The container image.
          type: str
        tag:
          description: Tag of the image.
          type: str
        status:
          description: C(ACTIVE) for the one that serves, else C(INACTIVE), C(UPDATING) or C(FAILED).
          type: str
        is_vulnerability_scan_required:
          description: Whether the image is scanned before it runs.
          type: bool
          returned: when set
        time_created:
          description: When the artifact was added (RFC 3339).
          type: str
        hosted_deployment_id:
          description: OCID of the deployment.
          type: str
    lifecycle_state:
      description: C(CREATING), C(ACTIVE), C(INACTIVE), C(NEEDS_ATTENTION), C(UPDATING), C(DELETING), C(DELETED) or C(FAILED).
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
from ansible_collections.cloudai.control.plugins.module_utils.genai_apps import HOSTED_DEPLOYMENT


def main():
    run_info_module(HOSTED_DEPLOYMENT, GENAI)


if __name__ == "__main__":
    main()
