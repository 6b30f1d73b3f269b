#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: genai_dedicated_ai_cluster_info
short_description: List or get OCI Generative AI dedicated AI clusters
version_added: 0.1.0
description:
  - Gets one dedicated AI cluster by O(id), or lists the clusters of a compartment, filtered by the service,
    across every page of results.
  - Runs in check mode. The result is always a list.
author:
  - cloudai.control developers (@cloudai)
options:
  id:
    description:
      - OCID of one cluster to get. The result is a list of that cluster, or an empty list if it does not exist.
    type: str
    aliases: [dedicated_ai_cluster_id]
  compartment_id:
    description:
      - OCID of the compartment to list. Required unless O(id) is given.
    type: str
  display_name:
    description:
      - Only clusters with exactly this name.
    type: str
  lifecycle_state:
    description:
      - Only clusters in this lifecycle state.
    type: str
    choices: [CREATING, ACTIVE, UPDATING, DELETING, DELETED, FAILED, NEEDS_ATTENTION]
  capacity_reservation_id:
    description:
      - Only clusters that use this capacity reservation.
    type: str
  include_allocatable_gpus:
    description:
      - Add to each cluster that uses a capacity reservation the GPUs of that reservation that new clusters can
        still take (C(allocatable_gpus)), one more list request per such cluster.
    type: bool
    default: false
    version_added: 0.2.0
  sort_by:
    description:
      - Field to sort by. The service's default is V(timeCreated), newest first.
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
  - module: cloudai.control.genai_dedicated_ai_cluster
'''

EXAMPLES = r'''
- name: List the active clusters of a compartment
  cloudai.control.genai_dedicated_ai_cluster_info:
    compartment_id: "{{ compartment_id }}"
    lifecycle_state: ACTIVE
  register: result

- name: Get one cluster
  cloudai.control.genai_dedicated_ai_cluster_info:
    id: "{{ cluster_id }}"
  register: result

- name: Show their names
  ansible.builtin.debug:
    msg: "{{ result.dedicated_ai_clusters | map(attribute='display_name') }}"

- name: How many GPUs the capacity reservation of a cluster still has for new clusters
  cloudai.control.genai_dedicated_ai_cluster_info:
    id: "{{ cluster_id }}"
    include_allocatable_gpus: true
  register: result
'''

RETURN = r'''
dedicated_ai_clusters:
  description:
    - The clusters found, with snake_case keys (tag keys exactly as stored). Listed clusters are the service's
      summaries, which carry every field but C(previous_state).
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: OCID of the cluster.
      type: str
    compartment_id:
      description: OCID of the compartment.
      type: str
    display_name:
      description: Name of the cluster.
      type: str
    type:
      description: V(HOSTING) or V(FINE_TUNING).
      type: str
    unit_shape:
      description: Shape of the units.
      type: str
    unit_count:
      description: Number of units.
      type: int
    lifecycle_state:
      description: Lifecycle state.
      type: str
    time_created:
      description: When the cluster was created (RFC 3339).
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
      description: When the cluster was last updated (RFC 3339).
      type: str
      returned: when the cluster has been updated
    system_tags:
      description: Tags the system adds.
      type: dict
      returned: when the service gives them
    capacity:
      description: For hosting clusters, the endpoint capacity in use and in total.
      type: dict
      returned: when the service reports it
    description:
      description: Description of the cluster.
      type: str
    capacity_reservation_id:
      description: OCID of the capacity reservation, when one is used.
      type: str
      returned: when set
    allocatable_gpus:
      description:
        - The GPUs of the cluster's capacity reservation, per compute shape, each with C(compute_shape),
          C(total_available_gpu_units), C(total_used_gpu_units), C(max_allocatable_gpu_units) (the most one new
          cluster can take) and C(gpu_allocations) (per host, C(used_gpus) and C(available_gpus)).
        - An empty list for a cluster without a capacity reservation.
      type: list
      elements: dict
      returned: with O(include_allocatable_gpus=true)
      version_added: 0.2.0
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.genai import DEDICATED_AI_CLUSTER, GENAI


def main():
    run_info_module(DEDICATED_AI_CLUSTER, GENAI)


if __name__ == "__main__":
    main()
