#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r'''
module: vision_document_job
short_description: Start, follow and cancel OCI Vision document analysis batch jobs
version_added: 0.1.0
description:
  - Starts a document analysis batch job of OCI Vision (Document AI) over documents in Object Storage (PDF,
    TIFF, JPEG, PNG), once, and follows it until it has finished; the results are JSON objects under
    O(output_location). Cancels a job that is still running.
  - Every document feature of the service is accepted (O(features)).
  - How C(already started) is decided. The service has no call that lists jobs or finds one by name, so the
    module makes the name work through the create call's retry token. Without O(id), the job is started with an
    C(opc-retry-token) derived from the job type, O(compartment_id), O(display_name) and a generation number
    (first 0). The service answers a token it has seen in the last 24 hours with the job that token started,
    instead of starting another.
  - When that answer is a job the service accepted more than 2 seconds before it answered (by the service's own
    clock, comparing the job's C(time_accepted) with the C(Date) of the answer), the job was started by an earlier run. If
    it is C(SUCCEEDED), C(ACCEPTED) or C(IN_PROGRESS) it counts as already there, C(changed) is false and, with
    O(wait=true), the module waits for it. If it C(FAILED) or was C(CANCELED), the next generation's token is tried,
    so a new job is started. A job accepted within those 2 seconds was started by this task (C(changed=true)),
    unless the host that runs the task started it in an earlier run. Each host records the jobs it starts, by
    token, for 24 hours in C(cloudai.control/starts.json) under C($XDG_CACHE_HOME) (by default C(~/.cache)). So the
    same task run again at once on the same host reports C(changed=false); run from another host less than 2
    seconds later it reports C(changed=true), but starts no second job.
  - The same O(display_name) with other options in the same O(compartment_id) within 24 hours fails the task, since
    the service refuses the token with another request, and a job cannot be changed. Use another O(display_name).
  - After 24 hours the service forgets the token and a run starts a new job. To follow one job for longer, give
    the RV(document_job.id) of the first run as O(id); with O(id) the module only reads the job and waits for it.
  - In check mode a job cannot be looked up by name without starting it, so without O(id) the module predicts a
    start (C(changed=true)) and warns.
  - O(state=absent) needs O(id) for the same reason.
author:
  - cloudai.control developers (@cloudai)
options:
  id:
    description:
      - OCID of a job started before. The module then reads that job (and waits for it), or cancels it with
        O(state=absent); options given must match the job, since a job cannot be changed.
    type: str
    aliases: [document_job_id]
  features:
    description:
      - What to find in each document, at least one feature and each type once. Required to start a job.
    type: list
    elements: dict
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
          - Also produce a searchable PDF, for V(TEXT_DETECTION) only.
        type: bool
  is_zip_output_enabled:
    description:
      - Also write all results in one zip archive. Cannot be changed after the start.
    type: bool
  language:
    description:
      - Language of the documents, when known. Cannot be changed after the start.
    type: str
    choices: [ENG, CES, DAN, NLD, FIN, FRA, DEU, ELL, HUN, ITA, NOR, POL, POR, RON, RUS, SLK, SPA, SWE, TUR, ARA, CHI_SIM, HIN, JPN, KOR, OTHERS]
  document_type:
    description:
      - Kind of the documents, when known. Cannot be changed after the start.
    type: str
    choices: [INVOICE, RECEIPT, RESUME, TAX_FORM, DRIVER_LICENSE, PASSPORT, BANK_STATEMENT, CHECK, PAYSLIP, OTHERS]
extends_documentation_fragment:
  - cloudai.control.oci
  - cloudai.control.connection
  - cloudai.control.vision.job
  - cloudai.control.info_items
  - cloudai.control.oci.group
  - ansible.builtin.action_common_attributes
attributes:
  check_mode:
    support: full
    details:
      - Sends no request that changes anything. Without O(id) it cannot tell whether the job was already started and
        predicts a start.
  diff_mode:
    support: full
    details: Shows the managed options before and after.
  platform:
    platforms: all
seealso:
  - module: cloudai.control.vision_document_job_info
  - module: cloudai.control.vision_analyze_document
'''

EXAMPLES = r'''
- name: Extract tables and key-value pairs from this month's invoices, starting the job once
  cloudai.control.vision_document_job:
    compartment_id: "{{ compartment_id }}"
    display_name: invoices-2026-11
    document_type: INVOICE
    language: ENG
    input_location:
      object_locations:
        - namespace_name: "{{ namespace }}"
          bucket_name: invoices
          object_name: 2026-11/acme-0042.pdf
        - namespace_name: "{{ namespace }}"
          bucket_name: invoices
          object_name: 2026-11/globex-0007.pdf
    features:
      - feature_type: TABLE_DETECTION
      - feature_type: KEY_VALUE_DETECTION
      - feature_type: TEXT_DETECTION
        generate_searchable_pdf: true
    output_location:
      namespace_name: "{{ namespace }}"
      bucket_name: vision-results
      prefix: invoices
    is_zip_output_enabled: true
  register: job

- name: Start it without waiting; a later run with the same name waits for the same job
  cloudai.control.vision_document_job:
    compartment_id: "{{ compartment_id }}"
    display_name: contracts-language
    input_location:
      object_locations:
        - namespace_name: "{{ namespace }}"
          bucket_name: contracts
          object_name: contract-1.pdf
    features:
      - feature_type: LANGUAGE_CLASSIFICATION
        max_results: 2
    output_location:
      namespace_name: "{{ namespace }}"
      bucket_name: vision-results
      prefix: contracts
    wait: false
'''

RETURN = r'''
document_job:
  description:
    - The job, with snake_case keys.
    - In check mode, the predicted job (without C(id) when it would be started).
    - V(null) after O(state=absent).
  returned: always
  type: dict
  contains:
    id:
      description: OCID of the job.
      type: str
      sample: ocid1.aivisiondocumentjob.oc1.us-ashburn-1.amaaaaaaexample
    compartment_id:
      description: OCID of the compartment.
      type: str
    display_name:
      description: Name of the job.
      type: str
    features:
      description: The features, as given (with snake_case keys).
      type: list
      elements: dict
    input_location:
      description: The input objects, under C(object_locations).
      type: dict
    output_location:
      description: Where the results are written, with C(namespace_name), C(bucket_name) and C(prefix).
      type: dict
      sample: {"namespace_name": "mynamespace", "bucket_name": "results", "prefix": "invoices"}
    lifecycle_state:
      description: C(ACCEPTED), C(IN_PROGRESS), C(SUCCEEDED), C(FAILED), C(CANCELING) or C(CANCELED).
      type: str
    lifecycle_details:
      description: Why a job C(FAILED), C(PARTIALLY_SUCCEEDED) (some objects were analysed) or C(COMPLETELY_FAILED).
      type: str
      returned: when the job failed
    percent_complete:
      description: Progress in percent.
      type: float
    time_accepted:
      description: When the service accepted the job (RFC 3339).
      type: str
    time_started:
      description: When the job started.
      type: str
      returned: once started
    time_finished:
      description: When the job finished.
      type: str
      returned: once finished
    is_zip_output_enabled:
      description: Whether a zip archive of the results is written.
      type: bool
      returned: when set
    language:
      description: Language of the documents.
      type: str
      returned: when set
    document_type:
      description: Kind of the documents.
      type: str
      returned: when set
'''

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import run_resource_module
from ansible_collections.cloudai.control.plugins.module_utils.vision import DOCUMENT_JOB, VISION


def main():
    run_resource_module(DOCUMENT_JOB, VISION)


if __name__ == "__main__":
    main()
