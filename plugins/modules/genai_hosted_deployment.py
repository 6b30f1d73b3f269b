#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: genai_hosted_deployment
short_description: Deploy container images to OCI Generative AI hosted applications
version_added: 0.2.0
description:
  - Manages a hosted deployment of OCI Generative AI, the container images (artifacts) a hosted application
    (M(cloudai.control.genai_hosted_application) or M(cloudai.control.genai_hosted_application_iam)) runs, one of
    them active.
  - It is found by O(id), or by O(compartment_id) and O(display_name). A name that matches more than one live
    deployment is an error. The service's list of deployments does not show their names, so finding one by name
    reads each deployment the list call returns for that name.
  - The deployment converges its active artifact. When O(active_artifact) (compared by O(active_artifact.artifact_type),
    O(active_artifact.container_uri) and O(active_artifact.tag)) is not the active one, the module adds it to the
    deployment's artifacts (the service's add artifact call) unless one of them is that image already, then makes it
    the active one (an update), and waits for the deployment to settle. The artifacts that were active before are kept,
    so that going back to one is only an update.
  - O(purge_artifacts=true) deletes every artifact other than the active one (the service's delete artifact call).
  - Tags are changed in place. O(hosted_application_id) and O(display_name) cannot be changed (the service has no call
    that renames a deployment), so a new name is refused before any request, in check mode too. The service cannot
    move a deployment to another compartment.
  - Creates and artifact adds are safe to retry; the update of the active artifact and the delete of the deployment
    send its etag, so a concurrent change is not overwritten.
author:
  - cloudai.control developers (@cloudai)
options:
  state:
    description:
      - V(present) creates the hosted deployment or brings it to the given options; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - OCID of the hosted deployment. Without it, O(compartment_id) and O(display_name) find it.
    type: str
    aliases: [hosted_deployment_id]
  compartment_id:
    description:
      - OCID of the compartment that holds the hosted deployment. Required to create one or to find it by name.
      - The service cannot move it to another compartment, so another compartment is refused.
    type: str
  display_name:
    description:
      - Name of the hosted deployment. Names are not unique in OCI; this module treats them as unique in a compartment.
      - One of O(id) and O(display_name) is required; required to create one.
    type: str
  hosted_application_id:
    description:
      - OCID of the hosted application (or IAM hosted application) to deploy to. Required to create a deployment;
        cannot be changed.
    type: str
  active_artifact:
    description:
      - The container image that serves. Required to create a deployment.
    type: dict
    suboptions:
      artifact_type:
        description:
          - The kind of artifact; a single container image is the only one.
        type: str
        default: SIMPLE_DOCKER_ARTIFACT
        choices: [SIMPLE_DOCKER_ARTIFACT]
      container_uri:
        description:
          - The container image, for example V(iad.ocir.io/mytenancy/assistant).
        type: str
        required: true
      tag:
        description:
          - Tag of the image.
        type: str
        required: true
      is_vulnerability_scan_required:
        description:
          - Whether the image is scanned before it runs. Only sent when the artifact is added; not compared.
        type: bool
      id:
        description:
          - Accepted and ignored (an artifact as the info module returns it); an OCID when given.
        type: str
      status:
        description:
          - Accepted and ignored (an artifact as the info module returns it).
        type: str
      time_created:
        description:
          - Accepted and ignored (an artifact as the info module returns it).
        type: str
      hosted_deployment_id:
        description:
          - Accepted and ignored (an artifact as the info module returns it); an OCID when given.
        type: str
  purge_artifacts:
    description:
      - Delete every artifact of the deployment other than the active one.
    type: bool
    default: false
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
    details: Predicts the deployment after the change (the new active artifact without an id); sends no request that changes anything.
  diff_mode:
    support: full
    details: Shows the managed options before and after.
  platform:
    platforms: all
seealso:
  - module: cloudai.control.genai_hosted_deployment_info
  - module: cloudai.control.genai_hosted_application
'''

EXAMPLES = r'''
- name: Deploy version 1.0 of the assistant
  cloudai.control.genai_hosted_deployment:
    compartment_id: "{{ compartment_id }}"
    display_name: support-assistant
    hosted_application_id: "{{ application.hosted_application.id }}"
    active_artifact:
      container_uri: iad.ocir.io/mytenancy/assistant
      tag: "1.0"
  register: deployment

- name: Roll out 1.1 and forget the older images
  cloudai.control.genai_hosted_deployment:
    id: "{{ deployment.hosted_deployment.id }}"
    active_artifact:
      container_uri: iad.ocir.io/mytenancy/assistant
      tag: "1.1"
    purge_artifacts: true

- name: Delete the deployment
  cloudai.control.genai_hosted_deployment:
    id: "{{ deployment.hosted_deployment.id }}"
    state: absent
'''

RETURN = r'''
hosted_deployment:
  description:
    - The hosted deployment, with snake_case keys (tag keys exactly as stored).
    - In check mode, the predicted hosted deployment (without C(id) when it would be created).
    - V(null) after O(state=absent).
  returned: always
  type: dict
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
work_request:
  description: The work request that was followed while waiting, with snake_case keys.
  returned: when the change ran as a work request and O(wait=true)
  type: dict
  contains:
    id:
      description: OCID of the work request.
      type: str
    operation_type:
      description: What the work request did, for example C(CREATE_HOSTED_DEPLOYMENT).
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
from ansible_collections.cloudai.control.plugins.module_utils.genai_apps import HOSTED_DEPLOYMENT


def main():
    run_resource_module(HOSTED_DEPLOYMENT, GENAI)


if __name__ == "__main__":
    main()
