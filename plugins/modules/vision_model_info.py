#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vision_model_info
short_description: List or get OCI Vision custom models
version_added: 0.1.0
description:
  - Gets one model by O(id), or lists the models of a compartment, filtered by the service (also by project),
    across every page of results.
  - Runs in check mode. The result is always a list.
author:
  - cloudai.control developers (@cloudai)
options:
  id:
    description:
      - OCID of one model to get. The result is a list of that model, or an empty list if it does not exist.
    type: str
    aliases: [model_id]
  compartment_id:
    description:
      - Only those of this compartment (OCID). The service takes it as an optional filter; O(project_id) alone lists the models of a project wherever they are.
    type: str
  project_id:
    description:
      - Only the models of this project.
    type: str
  display_name:
    description:
      - Only models with exactly this name.
    type: str
  lifecycle_state:
    description:
      - Only models in this lifecycle state, for example V(CREATING) for the models still training.
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
  - module: cloudai.control.vision_model
'''

EXAMPLES = r'''
- name: The models of a project that are still training
  cloudai.control.vision_model_info:
    compartment_id: "{{ compartment_id }}"
    project_id: "{{ project_id }}"
    lifecycle_state: CREATING
  register: training

- name: One model with its metrics
  cloudai.control.vision_model_info:
    id: "{{ model_id }}"
  register: result

- name: Show its precision
  ansible.builtin.debug:
    msg: "{{ result.models[0].precision }}"
'''

RETURN = r'''
models:
  description:
    - The models found, with snake_case keys (tag keys exactly as stored).
    - The list call gives summaries, without the training settings and metrics other than C(precision); get a
      model by O(id) for all of them.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: OCID of the model.
      type: str
    compartment_id:
      description: OCID of the compartment.
      type: str
    project_id:
      description: OCID of the project.
      type: str
    display_name:
      description: Name of the model.
      type: str
    description:
      description: Description of the model.
      type: str
      returned: when set
    model_type:
      description: C(IMAGE_CLASSIFICATION) or C(OBJECT_DETECTION).
      type: str
    model_version:
      description: Version of the model.
      type: str
    training_dataset:
      description: The training dataset.
      type: dict
    precision:
      description: Precision of the trained model.
      type: float
      returned: once trained
    recall:
      description: Recall of the trained model.
      type: float
      returned: once trained, when got by id
    metrics:
      description: Per-label metrics as JSON text.
      type: str
      returned: once trained, when got by id
    lifecycle_state:
      description: C(CREATING), C(UPDATING), C(ACTIVE), C(DELETING), C(DELETED) or C(FAILED).
      type: str
    time_created:
      description: When the model was created (RFC 3339).
      type: str
    freeform_tags:
      description: Free-form tags.
      type: dict
    defined_tags:
      description: Defined tags.
      type: dict
    lifecycle_details:
      description: What the service says about the state, for example why the training failed.
      type: str
      returned: when the service gives it
    time_updated:
      description: When the model was last updated (RFC 3339).
      type: str
      returned: when the model has been updated
    system_tags:
      description: Tags the system adds.
      type: dict
      returned: when the service gives them
    average_precision:
      description: Mean average precision of the trained model.
      type: float
      returned: once trained
    confidence_threshold:
      description: The confidence threshold the metrics were computed with.
      type: float
      returned: once trained
    test_image_count:
      description: Number of images tested.
      type: int
      returned: once trained
    total_image_count:
      description: Number of images in the datasets.
      type: int
      returned: once trained
    trained_duration_in_hours:
      description: How long the training ran.
      type: float
      returned: once trained
    testing_dataset:
      description: The testing dataset.
      type: dict
      returned: when set
    validation_dataset:
      description: The validation dataset.
      type: dict
      returned: when set
    is_quick_mode:
      description: Whether the model was trained in quick mode.
      type: bool
      returned: when the service gives it
    max_training_duration_in_hours:
      description: The longest the training could run.
      type: float
      returned: when set
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_info_module
from ansible_collections.cloudai.control.plugins.module_utils.vision import MODEL, VISION


def main():
    run_info_module(MODEL, VISION)


if __name__ == "__main__":
    main()
