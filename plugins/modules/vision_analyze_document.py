#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vision_analyze_document
short_description: Analyse one document with OCI Vision and return what it finds
version_added: 0.1.0
description:
  - Sends one document to the synchronous document analysis of OCI Vision (Document AI) and returns the result at
    once (text, tables, key-value pairs, languages and document types) for the O(features) asked for.
  - The document is a local file (O(src)), sent inline as base64, or an object in Object Storage
    (O(object_location)). The service takes PDF, TIFF, JPEG and PNG documents of at most 5 MB and five pages; a
    larger O(src) is refused before any request.
  - Changes nothing in Vision, so it never reports C(changed) and runs in check mode. With O(output_location) the
    service also writes the result to a bucket; in check mode O(output_location) is left out of the request, so
    nothing is written. For many documents, see M(cloudai.control.vision_document_job).
author:
  - cloudai.control developers (@cloudai)
options:
  src:
    description:
      - Path of the document file on the host that runs the module, a regular file, not empty, at most 5 MB. One of
        O(src) and O(object_location) is required.
      - In check mode the file is read and checked but not sent, and RV(analysis) is empty.
    type: path
  object_location:
    description:
      - The document as an object in Object Storage. One of O(src) and O(object_location) is required.
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
      - What to find in the document, at least one feature and each type once.
    type: list
    elements: dict
    required: true
    suboptions:
      feature_type:
        description:
          - V(TEXT_DETECTION) reads the text (OCR); V(TABLE_DETECTION) extracts tables; V(KEY_VALUE_DETECTION)
            extracts key-value pairs (receipts, invoices); V(LANGUAGE_CLASSIFICATION) detects the language;
            V(DOCUMENT_CLASSIFICATION) says what kind of document it is.
        type: str
        required: true
        choices: [DOCUMENT_CLASSIFICATION, KEY_VALUE_DETECTION, LANGUAGE_CLASSIFICATION, TABLE_DETECTION, TEXT_DETECTION]
      max_results:
        description:
          - Most languages or document types to return (at least 1), for V(LANGUAGE_CLASSIFICATION) and
            V(DOCUMENT_CLASSIFICATION) only.
        type: int
      model_id:
        description:
          - OCID of a custom document classification model, for V(DOCUMENT_CLASSIFICATION) only.
        type: str
      generate_searchable_pdf:
        description:
          - Also return a searchable PDF of the document (RV(analysis.searchable_pdf)), for V(TEXT_DETECTION) only.
        type: bool
  language:
    description:
      - Language of the document, when known.
    type: str
    choices: [ENG, CES, DAN, NLD, FIN, FRA, DEU, ELL, HUN, ITA, NOR, POL, POR, RON, RUS, SLK, SPA, SWE, TUR, ARA, CHI_SIM, HIN, JPN, KOR, OTHERS]
  document_type:
    description:
      - Kind of the document, when known.
    type: str
    choices: [INVOICE, RECEIPT, RESUME, TAX_FORM, DRIVER_LICENSE, PASSPORT, BANK_STATEMENT, CHECK, PAYSLIP, OTHERS]
  output_location:
    description:
      - Also write the result to this bucket. Left out in check mode.
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
      prefix:
        description: Prefix of the result object's name.
        type: str
        required: true
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
    details: The call only reads; O(output_location) is left out, so nothing is written, and a local O(src) is not uploaded.
  diff_mode:
    support: none
  platform:
    platforms: all
seealso:
  - module: cloudai.control.vision_document_job
  - module: cloudai.control.vision_analyze_image
'''

EXAMPLES = r'''
- name: Read the key-value pairs and tables of a receipt
  cloudai.control.vision_analyze_document:
    src: scans/receipt-0042.pdf
    document_type: RECEIPT
    features:
      - feature_type: KEY_VALUE_DETECTION
      - feature_type: TABLE_DETECTION
  register: result

- name: Show the fields of the first page
  ansible.builtin.debug:
    msg: "{{ result.analysis.pages[0].document_fields | map(attribute='field_label.name') }}"

- name: Which language is a contract in Object Storage written in?
  cloudai.control.vision_analyze_document:
    object_location:
      namespace_name: "{{ namespace }}"
      bucket_name: contracts
      object_name: contract-1.pdf
    features:
      - feature_type: LANGUAGE_CLASSIFICATION
        max_results: 2
'''

RETURN = r'''
analysis:
  description: What the service found, with snake_case keys. Only the parts of the features asked for are there.
  returned: always (empty in check mode with O(src))
  type: dict
  contains:
    document_metadata:
      description: C(page_count) and C(mime_type) of the document.
      type: dict
      sample: {"page_count": 1, "mime_type": "application/pdf"}
    pages:
      description:
        - One entry per page with C(page_number) and C(dimensions), and as asked for C(words) and C(lines)
          (text), C(tables), C(document_fields) (key-value pairs).
      type: list
      elements: dict
    detected_languages:
      description: Languages, each with C(language_code) and C(confidence).
      type: list
      elements: dict
      returned: with LANGUAGE_CLASSIFICATION
    detected_document_types:
      description: Kinds of document, each with C(document_type) and C(confidence).
      type: list
      elements: dict
      returned: with DOCUMENT_CLASSIFICATION
    searchable_pdf:
      description: The searchable PDF, base64-encoded.
      type: str
      returned: with TEXT_DETECTION and generate_searchable_pdf
    text_detection_model_version:
      description: Version of the text detection model.
      type: str
      returned: with TEXT_DETECTION
    table_detection_model_version:
      description: Version of the table detection model.
      type: str
      returned: with TABLE_DETECTION
    key_value_detection_model_version:
      description: Version of the key-value detection model.
      type: str
      returned: with KEY_VALUE_DETECTION
    language_classification_model_version:
      description: Version of the language classification model.
      type: str
      returned: with LANGUAGE_CLASSIFICATION
    document_classification_model_version:
      description: Version of the document classification model.
      type: str
      returned: with DOCUMENT_CLASSIFICATION
    errors:
      description: Errors of single features, each with C(code) and C(message).
      type: list
      elements: dict
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_action_module
from ansible_collections.cloudai.control.plugins.module_utils.vision import ANALYZE_DOCUMENT, VISION


def main():
    run_action_module(ANALYZE_DOCUMENT, VISION)


if __name__ == "__main__":
    main()
