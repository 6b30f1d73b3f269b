#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vision_model
short_description: Train, update, move and delete OCI Vision custom models
version_added: 0.1.0
description:
  - Manages a custom model of OCI Vision, an image classification or object detection model trained on your own
    labelled images. Creating the model starts its training.
  - The model is found by O(id), or by O(compartment_id) and O(display_name). A name that matches more than one
    live model is an error.
  - O(display_name), O(description) and tags are changed in place, through a work request the module follows; a new
    O(compartment_id) moves the model. O(project_id), O(model_type), the datasets, O(is_quick_mode),
    O(max_training_duration_in_hours) and O(model_version) cannot be changed after creation.
  - Options that are not given are not managed; for those the service's own defaults apply when the model is created.
  - Training can take much longer than the default O(wait_timeout). Raise it, or use O(wait=false) and check the
    model's C(lifecycle_state) later with M(cloudai.control.vision_model_info). A training that fails leaves the
    model C(FAILED); the task then fails with the model's id and the work request's errors.
  - Creates are safe to retry; updates and deletes send the model's etag, so a concurrent change is not overwritten.
author:
  - cloudai.control developers (@cloudai)
options:
  state:
    description:
      - V(present) creates (trains) the model or brings it to the given options; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - OCID of the model. Required to rename a model; otherwise O(compartment_id) and O(display_name) find it.
    type: str
    aliases: [model_id]
  compartment_id:
    description:
      - OCID of the compartment that holds the model. Required to create a model or to find it by name.
      - With O(id), giving another compartment moves the model there. Without O(id), the model is looked up
        by name in this compartment only.
    type: str
  display_name:
    description:
      - Name of the model. Names are not unique in OCI; this module treats them as unique in a compartment.
      - One of O(id) and O(display_name) is required.
    type: str
  project_id:
    description:
      - OCID of the project the model belongs to (see M(cloudai.control.vision_project)); it must be C(ACTIVE).
      - Required to create a model; cannot be changed afterwards.
    type: str
  model_type:
    description:
      - What the model does. V(IMAGE_CLASSIFICATION) labels whole images; V(OBJECT_DETECTION) finds and boxes objects.
      - Required to create a model; cannot be changed afterwards.
    type: str
    choices: [IMAGE_CLASSIFICATION, OBJECT_DETECTION]
  training_dataset:
    description:
      - The labelled images to train on. Required to create a model; cannot be changed afterwards.
      - Only the suboptions given are compared with the model.
    type: dict
    suboptions: &dataset
      dataset_type:
        description:
          - V(OBJECT_STORAGE) is a labelled dataset exported to an object (O(training_dataset.namespace_name),
            O(training_dataset.bucket_name), O(training_dataset.object_name)); V(DATA_SCIENCE_LABELING) is a dataset
            of the OCI Data Labeling service (O(training_dataset.dataset_id)).
        type: str
        choices: [OBJECT_STORAGE, DATA_SCIENCE_LABELING]
        default: OBJECT_STORAGE
      dataset_id:
        description:
          - OCID of the Data Labeling dataset, with V(DATA_SCIENCE_LABELING) only.
        type: str
      namespace_name:
        description:
          - Object Storage namespace, with V(OBJECT_STORAGE) only.
        type: str
      bucket_name:
        description:
          - Bucket name, with V(OBJECT_STORAGE) only.
        type: str
      object_name:
        description:
          - Name of the object that holds the labelled dataset, with V(OBJECT_STORAGE) only.
        type: str
  testing_dataset:
    description:
      - Images to test the trained model on, in the same form as O(training_dataset). When left out, the service
        sets part of the training data aside. Cannot be changed after creation.
    type: dict
    suboptions: *dataset
  validation_dataset:
    description:
      - Images to validate the model on during training, in the same form as O(training_dataset). When left out, the
        service sets part of the training data aside. Cannot be changed after creation.
    type: dict
    suboptions: *dataset
  is_quick_mode:
    description:
      - Train quickly with few passes over the data; the model is usually less accurate. Cannot be changed after
        creation.
    type: bool
  max_training_duration_in_hours:
    description:
      - The longest the training may run, in hours (more than 0). Cannot be changed after creation.
    type: float
  model_version:
    description:
      - Version string of the model; the service sets one when left out. Cannot be changed after creation.
    type: str
  description:
    description:
      - Description of the model.
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
    details: Predicts the model after the change; sends no request that changes anything.
  diff_mode:
    support: full
    details: Shows the managed options before and after.
  platform:
    platforms: all
seealso:
  - module: cloudai.control.vision_model_info
  - module: cloudai.control.vision_project
  - module: cloudai.control.vision_image_job
'''

EXAMPLES = r'''
- name: Train an object detection model on a labelled dataset in Object Storage
  cloudai.control.vision_model:
    compartment_id: "{{ compartment_id }}"
    display_name: scratch-detector
    project_id: "{{ project.project.id }}"
    model_type: OBJECT_DETECTION
    training_dataset:
      namespace_name: "{{ namespace }}"
      bucket_name: training-data
      object_name: scratches/labels.jsonl
    is_quick_mode: true
    wait_timeout: 14400
  register: model

- name: Train an image classifier on a Data Labeling dataset, without waiting
  cloudai.control.vision_model:
    compartment_id: "{{ compartment_id }}"
    display_name: part-classifier
    project_id: "{{ project.project.id }}"
    model_type: IMAGE_CLASSIFICATION
    training_dataset:
      dataset_type: DATA_SCIENCE_LABELING
      dataset_id: "{{ labeling_dataset_id }}"
    max_training_duration_in_hours: 2
    wait: false

- name: Describe the first model
  cloudai.control.vision_model:
    id: "{{ model.model.id }}"
    description: Finds scratches on painted parts

- name: Delete it
  cloudai.control.vision_model:
    id: "{{ model.model.id }}"
    state: absent
'''

RETURN = r'''
model:
  description:
    - The model, with snake_case keys (tag keys exactly as stored).
    - In check mode, the predicted model (without C(id) when it would be created).
    - V(null) after O(state=absent).
  returned: always
  type: dict
  contains:
    id:
      description: OCID of the model.
      type: str
      sample: ocid1.aivisionmodel.oc1.us-ashburn-1.amaaaaaaexample
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
      description: The training dataset, with C(dataset_type) and its fields.
      type: dict
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
    trained_duration_in_hours:
      description: How long the training ran.
      type: float
      returned: once trained
    precision:
      description: Precision of the trained model on the test data.
      type: float
      returned: once trained
    recall:
      description: Recall of the trained model on the test data.
      type: float
      returned: once trained
    average_precision:
      description: Mean average precision of the trained model.
      type: float
      returned: once trained
    confidence_threshold:
      description: The confidence threshold the metrics were computed with.
      type: float
      returned: once trained
    total_image_count:
      description: Number of images in the datasets.
      type: int
      returned: once trained
    test_image_count:
      description: Number of images tested.
      type: int
      returned: once trained
    metrics:
      description: Per-label metrics, as the JSON text the service gives.
      type: str
      returned: once trained
    lifecycle_state:
      description: C(CREATING) (training), C(UPDATING), C(ACTIVE), C(DELETING), C(DELETED) or C(FAILED).
      type: str
    lifecycle_details:
      description: What the service says about the state, for example why the training failed.
      type: str
      returned: when the service gives it
    time_created:
      description: When the model was created (RFC 3339).
      type: str
    time_updated:
      description: When the model was last updated (RFC 3339).
      type: str
      returned: when the model has been updated
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
      description: What the work request did, for example C(CREATE_MODEL) or C(UPDATE_MODEL).
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
from ansible_collections.cloudai.control.plugins.module_utils.vision import MODEL, VISION


def main():
    run_resource_module(MODEL, VISION)


if __name__ == "__main__":
    main()
