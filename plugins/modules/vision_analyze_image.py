#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vision_analyze_image
short_description: Analyse one image with OCI Vision and return what it finds
version_added: 0.1.0
description:
  - Sends one image to the synchronous image analysis of OCI Vision and returns the result at once (labels,
    objects, text and faces) for the O(features) asked for, with the pretrained models or custom models.
  - The image is a local file (O(src)), sent inline as base64, or an object in Object Storage (O(object_location)).
    The service takes JPEG and PNG images of at most 5 MB; a larger O(src) is refused before any request.
  - Changes nothing, so it never reports C(changed) and runs in check mode as it does otherwise. For many images,
    see M(cloudai.control.vision_image_job).
author:
  - cloudai.control developers (@cloudai)
options:
  src:
    description:
      - Path of the image file on the host that runs the module, a regular file, not empty, at most 5 MB. One of
        O(src) and O(object_location) is required.
      - In check mode the file is read and checked but not sent, and RV(analysis) is empty.
    type: path
  object_location:
    description:
      - The image as an object in Object Storage. One of O(src) and O(object_location) is required.
    type: dict
    suboptions:
      namespace_name:
        description: Object Storage namespace.
        type: str
        required: true
      bucket_name:
        description: Bucket name.
        type: str
        required: true
      object_name:
        description: Object name.
        type: str
        required: true
  features:
    description:
      - What to find in the image, at least one feature and each type once.
    type: list
    elements: dict
    required: true
    suboptions:
      feature_type:
        description:
          - V(IMAGE_CLASSIFICATION) labels the image; V(OBJECT_DETECTION) finds and boxes objects; V(TEXT_DETECTION)
            reads its text (OCR); V(FACE_DETECTION) finds faces; V(FACE_EMBEDDING) also returns a vector per face.
        type: str
        required: true
        choices: [FACE_DETECTION, FACE_EMBEDDING, IMAGE_CLASSIFICATION, OBJECT_DETECTION, TEXT_DETECTION]
      max_results:
        description:
          - Most labels, objects or faces to return (at least 1). Not for V(TEXT_DETECTION).
        type: int
      model_id:
        description:
          - OCID of a custom model (M(cloudai.control.vision_model)) to use instead of the pretrained one; an
            V(IMAGE_CLASSIFICATION) model for V(IMAGE_CLASSIFICATION), an V(OBJECT_DETECTION) model for
            V(OBJECT_DETECTION). Only for those two.
        type: str
      language:
        description:
          - Language of the text, for V(TEXT_DETECTION) only.
        type: str
        choices: [ENG, CES, DAN, NLD, FIN, FRA, DEU, ELL, HUN, ITA, NOR, POL, POR, RON, RUS, SLK, SPA, SWE, TUR, ARA, CHI_SIM, HIN, JPN, KOR, OTHERS]
      should_return_landmarks:
        description:
          - Also return the eyes, nose and mouth of each face, for V(FACE_DETECTION) and V(FACE_EMBEDDING) only.
        type: bool
  compartment_id:
    description:
      - OCID of the compartment to charge the call to. The service uses the tenancy when it is left out.
    type: str
extends_documentation_fragment:
  - cloudai.control.oci
  - cloudai.control.connection
  - cloudai.control.oci.group
  - ansible.builtin.action_common_attributes
attributes:
  check_mode:
    support: full
    details: The call only reads, so it runs in check mode too, except that a local O(src) is not uploaded.
  diff_mode:
    support: none
  platform:
    platforms: all
seealso:
  - module: cloudai.control.vision_image_job
  - module: cloudai.control.vision_analyze_document
'''

EXAMPLES = r'''
- name: What is in this photo?
  cloudai.control.vision_analyze_image:
    src: photos/street.jpg
    features:
      - feature_type: IMAGE_CLASSIFICATION
        max_results: 5
      - feature_type: OBJECT_DETECTION
  register: result

- name: Show the labels
  ansible.builtin.debug:
    msg: "{{ result.analysis.labels | map(attribute='name') }}"

- name: Read the text of a scanned sign in Object Storage, with a custom classifier too
  cloudai.control.vision_analyze_image:
    compartment_id: "{{ compartment_id }}"
    object_location:
      namespace_name: "{{ namespace }}"
      bucket_name: signs
      object_name: sign-0042.png
    features:
      - feature_type: TEXT_DETECTION
        language: ENG
      - feature_type: IMAGE_CLASSIFICATION
        model_id: "{{ model_id }}"
'''

RETURN = r'''
analysis:
  description: What the service found, with snake_case keys. Only the parts of the features asked for are there.
  returned: always (empty in check mode with O(src))
  type: dict
  contains:
    labels:
      description: Labels of the image (V(IMAGE_CLASSIFICATION)), each with C(name) and C(confidence).
      type: list
      elements: dict
      returned: with IMAGE_CLASSIFICATION
      sample: [{"name": "Dog", "confidence": 0.97}]
    ontology_classes:
      description: The labels' places in the ontology, each with C(name), C(parent_names) and C(synonym_names).
      type: list
      elements: dict
      returned: with IMAGE_CLASSIFICATION
    image_objects:
      description: Objects found (V(OBJECT_DETECTION)), each with C(name), C(confidence) and C(bounding_polygon).
      type: list
      elements: dict
      returned: with OBJECT_DETECTION
    image_text:
      description: Text read (V(TEXT_DETECTION)), as C(words) and C(lines), each with C(text), C(confidence) and
        C(bounding_polygon).
      type: dict
      returned: with TEXT_DETECTION
    detected_faces:
      description: Faces found, each with C(confidence), C(bounding_polygon), C(quality_score), and C(landmarks)
        or C(embeddings) when asked for.
      type: list
      elements: dict
      returned: with FACE_DETECTION or FACE_EMBEDDING
    image_classification_model_version:
      description: Version of the model that labelled the image.
      type: str
      returned: with IMAGE_CLASSIFICATION
    object_detection_model_version:
      description: Version of the object detection model.
      type: str
      returned: with OBJECT_DETECTION
    text_detection_model_version:
      description: Version of the text detection model.
      type: str
      returned: with TEXT_DETECTION
    face_detection_model_version:
      description: Version of the face detection model.
      type: str
      returned: with FACE_DETECTION or FACE_EMBEDDING
    errors:
      description: Errors of single features, each with C(code) and C(message).
      type: list
      elements: dict
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_action_module
from ansible_collections.cloudai.control.plugins.module_utils.vision import ANALYZE_IMAGE, VISION


def main():
    run_action_module(ANALYZE_IMAGE, VISION)


if __name__ == "__main__":
    main()
