#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: genai_model
short_description: Fine-tune, update, move and delete OCI Generative AI custom models
version_added: 0.1.0
description:
  - Manages a custom model of OCI Generative AI, that is a model of type C(CUSTOM) made by fine-tuning a base model
    with your own training data on a fine-tuning dedicated AI cluster.
  - Only custom models are managed. The service's pretrained base models (type C(BASE)) are read-only; use
    M(cloudai.control.genai_model_info) to list them. A base model's OCID given as O(id) is an error, and base
    models are never matched by O(display_name).
  - The model is found by O(id), or by O(compartment_id) and O(display_name). A name that matches more than one
    live custom model is an error.
  - O(display_name), O(description), O(vendor), O(version) and tags are changed in place, at once and without a
    work request; a new O(compartment_id) moves the model. O(base_model_id) and O(fine_tune_details) cannot be
    changed after creation.
  - Options that are not given are not managed; for those, and for the training settings left out of
    O(fine_tune_details.training_config), the service's own defaults apply when the model is created.
  - Creating a model starts fine-tuning, which can take much longer than the default O(wait_timeout). Raise it,
    or use O(wait=false) and check the model's C(lifecycle_state) later with M(cloudai.control.genai_model_info).
  - Deleting a model that an endpoint still serves fails, with a message that names the endpoints in the model's
    compartment that use it. Delete those endpoints first.
  - Creates are safe to retry; updates and deletes send the model's etag, so a concurrent change is not overwritten.
author:
  - cloudai.control developers (@cloudai)
options:
  state:
    description:
      - V(present) creates (fine-tunes) the model or brings it to the given options; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  id:
    description:
      - OCID of the custom model. Required to rename a model; otherwise O(compartment_id) and O(display_name)
        find it.
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
  base_model_id:
    description:
      - OCID of the base model to fine-tune, one whose capabilities include C(FINE_TUNE).
      - Required to create a model; cannot be changed afterwards.
    type: str
  fine_tune_details:
    description:
      - How the model is fine-tuned. Required to create a model; cannot be changed afterwards.
      - Only the suboptions given are compared with the model, so an existing model is left alone when this
        option repeats what it was created with or is left out.
    type: dict
    suboptions:
      dedicated_ai_cluster_id:
        description:
          - OCID of the dedicated AI cluster of type V(FINE_TUNING) that runs the training.
        type: str
        required: true
      training_dataset:
        description:
          - The training data, one object in Object Storage.
        type: dict
        required: true
        suboptions:
          dataset_type:
            description:
              - Where the data is. Object Storage is the only kind the service has.
            type: str
            choices: [OBJECT_STORAGE]
            default: OBJECT_STORAGE
          namespace_name:
            description:
              - Object Storage namespace of the bucket.
            type: str
            required: true
          bucket_name:
            description:
              - Name of the bucket.
            type: str
            required: true
          object_name:
            description:
              - Name of the object that holds the training data, for example a C(.jsonl) file.
            type: str
            required: true
      training_config:
        description:
          - The fine-tuning method and its hyperparameters. When left out, the service's defaults for the base
            model apply; so they do for every setting left out.
        type: dict
        suboptions:
          training_config_type:
            description:
              - The fine-tuning method. V(TFEW_TRAINING_CONFIG) is T-Few, V(LORA_TRAINING_CONFIG) is LoRA and
                V(VANILLA_TRAINING_CONFIG) trains the last layers of the model.
              - Which methods a base model supports is up to the service.
            type: str
            required: true
            choices: [LORA_TRAINING_CONFIG, TFEW_TRAINING_CONFIG, VANILLA_TRAINING_CONFIG]
          total_training_epochs:
            description:
              - The maximum number of training epochs.
            type: int
          learning_rate:
            description:
              - The initial learning rate.
            type: float
          training_batch_size:
            description:
              - The batch size used in training.
            type: int
          early_stopping_patience:
            description:
              - Training stops when the loss has not improved by O(fine_tune_details.training_config.early_stopping_threshold)
                for this many evaluations.
            type: int
          early_stopping_threshold:
            description:
              - How much the loss must improve to keep training going.
            type: float
          log_model_metrics_interval_in_steps:
            description:
              - How often, in steps, model metrics are logged after the first 20 steps (which are all logged).
                V(0) turns metric logging off.
            type: int
          num_of_last_layers:
            description:
              - The number of last layers to fine-tune.
              - Only with O(fine_tune_details.training_config.training_config_type=VANILLA_TRAINING_CONFIG).
            type: int
          lora_r:
            description:
              - The rank of the LoRA update matrices.
              - Only with O(fine_tune_details.training_config.training_config_type=LORA_TRAINING_CONFIG).
            type: int
          lora_alpha:
            description:
              - The scaling factor of the LoRA weight matrices.
              - Only with O(fine_tune_details.training_config.training_config_type=LORA_TRAINING_CONFIG).
            type: int
          lora_dropout:
            description:
              - The dropout probability of the LoRA layers.
              - Only with O(fine_tune_details.training_config.training_config_type=LORA_TRAINING_CONFIG).
            type: float
  description:
    description:
      - Description of the model.
    type: str
  vendor:
    description:
      - Provider of the model, a free label.
    type: str
  version:
    description:
      - Version of the model, a free label.
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
  - module: cloudai.control.genai_model_info
  - module: cloudai.control.genai_dedicated_ai_cluster
  - module: cloudai.control.genai_endpoint
'''

EXAMPLES = r'''
- name: Find the base model to fine-tune
  cloudai.control.genai_model_info:
    compartment_id: "{{ compartment_id }}"
    type: BASE
    capability: [FINE_TUNE]
    display_name: meta.llama-3.1-70b-instruct
  register: base

- name: Fine-tune it with LoRA on a fine-tuning cluster
  cloudai.control.genai_model:
    compartment_id: "{{ compartment_id }}"
    display_name: support-llama
    base_model_id: "{{ base.models[0].id }}"
    fine_tune_details:
      dedicated_ai_cluster_id: "{{ fine_tuning_cluster_id }}"
      training_dataset:
        namespace_name: "{{ object_storage_namespace }}"
        bucket_name: training-data
        object_name: support/tickets.jsonl
      training_config:
        training_config_type: LORA_TRAINING_CONFIG
        total_training_epochs: 3
        learning_rate: 0.0002
        lora_r: 8
        lora_alpha: 16
        lora_dropout: 0.1
    vendor: example
    version: "1.0"
    wait_timeout: 14400
  register: model

- name: Fine-tune a Cohere model with T-Few, without waiting for the training to finish
  cloudai.control.genai_model:
    compartment_id: "{{ compartment_id }}"
    display_name: support-command-r
    base_model_id: "{{ cohere_base_model_id }}"
    fine_tune_details:
      dedicated_ai_cluster_id: "{{ fine_tuning_cluster_id }}"
      training_dataset:
        namespace_name: "{{ object_storage_namespace }}"
        bucket_name: training-data
        object_name: support/tickets.jsonl
      training_config:
        training_config_type: TFEW_TRAINING_CONFIG
        training_batch_size: 16
        early_stopping_patience: 10
        log_model_metrics_interval_in_steps: 10
    wait: false

- name: Describe the LoRA model and give it a new version label
  cloudai.control.genai_model:
    id: "{{ model.model.id }}"
    description: Llama 3.1 tuned on support tickets
    version: "1.1"

- name: Delete it (its endpoints must be deleted first)
  cloudai.control.genai_model:
    compartment_id: "{{ compartment_id }}"
    display_name: support-llama
    state: absent
'''

RETURN = r'''
model:
  description:
    - The custom model, with snake_case keys (tag keys exactly as stored).
    - In check mode, the predicted model (without C(id) when it would be created).
    - V(null) after O(state=absent).
  returned: always
  type: dict
  contains:
    id:
      description: OCID of the model.
      type: str
      sample: ocid1.generativeaimodel.oc1.us-chicago-1.amaaaaaaexample
    compartment_id:
      description: OCID of the compartment.
      type: str
    display_name:
      description: Name of the model.
      type: str
    description:
      description: Description of the model.
      type: str
      returned: when set
    type:
      description: Always C(CUSTOM) for the models this module manages.
      type: str
    base_model_id:
      description: OCID of the base model that was fine-tuned.
      type: str
    capabilities:
      description: What the model can do, for example C(CHAT) or C(TEXT_GENERATION).
      type: list
      elements: str
    vendor:
      description: Provider of the model.
      type: str
      returned: when set
    version:
      description: Version of the model.
      type: str
      returned: when set
    fine_tune_details:
      description:
        - How the model was fine-tuned, with C(dedicated_ai_cluster_id), C(training_dataset) and
          C(training_config).
      type: dict
      sample:
        dedicated_ai_cluster_id: ocid1.generativeaidedicatedaicluster.oc1.us-chicago-1.amaaaaaaexample
        training_dataset:
          dataset_type: OBJECT_STORAGE
          namespace_name: example
          bucket_name: training-data
          object_name: support/tickets.jsonl
        training_config:
          training_config_type: LORA_TRAINING_CONFIG
          total_training_epochs: 3
          lora_r: 8
    model_metrics:
      description:
        - Results of the fine-tuning, with C(model_metrics_type), C(final_accuracy) and C(final_loss).
      type: dict
      returned: when fine-tuning has finished
    lifecycle_state:
      description: C(CREATING), C(ACTIVE), C(DELETING), C(DELETED) or C(FAILED).
      type: str
    lifecycle_details:
      description: What the service says about the state, for example the progress of fine-tuning.
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
  description:
    - The work request that was followed while waiting, with snake_case keys.
    - Creating and deleting a model run as work requests; updates and moves do not.
  returned: when the change ran as a work request and O(wait=true)
  type: dict
  contains:
    id:
      description: OCID of the work request.
      type: str
    operation_type:
      description: What the work request did, C(CREATE_MODEL) or C(DELETE_MODEL).
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
from ansible_collections.cloudai.control.plugins.module_utils.genai import GENAI, MODEL


def main():
    run_resource_module(MODEL, GENAI)


if __name__ == "__main__":
    main()
