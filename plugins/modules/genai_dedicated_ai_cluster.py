#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: genai_dedicated_ai_cluster
short_description: Create, update, move and delete OCI Generative AI dedicated AI clusters
version_added: 0.1.0
description:
  - Manages a dedicated AI cluster of OCI Generative AI, the GPU capacity that hosts endpoints
    (O(type=HOSTING)) or runs fine-tuning jobs (O(type=FINE_TUNING)).
  - The cluster is found by O(id), or by O(compartment_id) and O(display_name). A name that matches more than one
    live cluster is an error.
  - O(display_name), O(description), O(unit_count) and tags are changed in place; a new O(compartment_id) moves the
    cluster. O(type), O(unit_shape) and O(capacity_reservation_id) cannot be changed after creation.
  - Creates are safe to retry; updates and deletes send the cluster's etag, so a concurrent change is not overwritten.
author:
  - cloudai.control developers (@cloudai)
options:
  state:
    description:
      - V(present) creates the cluster or brings it to the given options; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - OCID of the cluster. Required to rename a cluster; otherwise O(compartment_id) and O(display_name) find it.
    type: str
    aliases: [dedicated_ai_cluster_id]
  compartment_id:
    description:
      - OCID of the compartment that holds the cluster. Required to create a cluster or to find it by name.
      - With O(id), giving another compartment moves the cluster there. Without O(id), the cluster is looked up
        by name in this compartment only.
    type: str
  display_name:
    description:
      - Name of the cluster. Names are not unique in OCI; this module treats them as unique in a compartment.
    type: str
  type:
    description:
      - What the cluster is for. Required to create a cluster; cannot be changed afterwards.
    type: str
    choices: [HOSTING, FINE_TUNING]
  unit_shape:
    description:
      - The shape of the cluster's units, for example V(LARGE_COHERE_V2), V(SMALL_GENERIC_V2) or V(H100_X1).
        It must fit the model family the cluster will serve or fine-tune.
      - Required to create a cluster; cannot be changed afterwards.
    type: str
  unit_count:
    description:
      - Number of units. Required to create a cluster; changing it resizes the cluster.
    type: int
  description:
    description:
      - Description of the cluster.
    type: str
  capacity_reservation_id:
    description:
      - OCID of a capacity reservation to draw the units from. Cannot be changed after creation.
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
    details: Predicts the cluster after the change; sends no request that changes anything.
  diff_mode:
    support: full
    details: Shows the managed options before and after.
  platform:
    platforms: all
seealso:
  - module: cloudai.control.genai_dedicated_ai_cluster_info
'''

EXAMPLES = r'''
- name: Create a hosting cluster
  cloudai.control.genai_dedicated_ai_cluster:
    compartment_id: "{{ compartment_id }}"
    display_name: chat-serving
    type: HOSTING
    unit_shape: LARGE_COHERE_V2
    unit_count: 1
    freeform_tags:
      team: platform
  register: cluster

- name: Grow it to two units
  cloudai.control.genai_dedicated_ai_cluster:
    id: "{{ cluster.dedicated_ai_cluster.id }}"
    unit_count: 2

- name: Move it to another compartment, without waiting
  cloudai.control.genai_dedicated_ai_cluster:
    compartment_id: "{{ other_compartment_id }}"
    id: "{{ cluster.dedicated_ai_cluster.id }}"
    wait: false

- name: Delete it
  cloudai.control.genai_dedicated_ai_cluster:
    compartment_id: "{{ compartment_id }}"
    display_name: chat-serving
    state: absent
'''

RETURN = r'''
dedicated_ai_cluster:
  description:
    - The cluster, with snake_case keys (tag keys exactly as stored).
    - In check mode, the predicted cluster (without C(id) when it would be created).
    - V(null) after O(state=absent).
  returned: always
  type: dict
  contains:
    id:
      description: OCID of the cluster.
      type: str
      sample: ocid1.generativeaidedicatedaicluster.oc1.us-chicago-1.amaaaaaaexample
    compartment_id:
      description: OCID of the compartment.
      type: str
    display_name:
      description: Name of the cluster.
      type: str
    description:
      description: Description of the cluster.
      type: str
    type:
      description: V(HOSTING) or V(FINE_TUNING).
      type: str
    unit_shape:
      description: Shape of the units.
      type: str
      sample: LARGE_COHERE_V2
    unit_count:
      description: Number of units.
      type: int
    capacity:
      description: For hosting clusters, the endpoint capacity in use and in total.
      type: dict
      returned: when the service reports it
    capacity_reservation_id:
      description: OCID of the capacity reservation, when one is used.
      type: str
      returned: when set
    lifecycle_state:
      description: C(CREATING), C(ACTIVE), C(UPDATING), C(DELETING), C(DELETED), C(FAILED) or C(NEEDS_ATTENTION).
      type: str
    lifecycle_details:
      description: What the service says about the state.
      type: str
      returned: when the service gives it
    time_created:
      description: When the cluster was created (RFC 3339).
      type: str
    time_updated:
      description: When the cluster was last updated (RFC 3339).
      type: str
      returned: when the cluster has been updated
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
      description: What the work request did, for example C(CREATE_DEDICATED_AI_CLUSTER).
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
from ansible_collections.cloudai.control.plugins.module_utils.genai import DEDICATED_AI_CLUSTER, GENAI


def main():
    run_resource_module(DEDICATED_AI_CLUSTER, GENAI)


if __name__ == "__main__":
    main()
