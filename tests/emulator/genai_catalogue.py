"""The pretrained BASE models the emulated OCI Generative AI service offers (a realistic subset)."""

from calendar import timegm

from .oci_common import stable_ocid
from .store import Record
from .wire import rfc3339

# name, vendor, version, capabilities, long-term supported, release date
BASE_MODELS = (
    ('cohere.command-r-08-2024', 'cohere', '1.7', ('CHAT', 'FINE_TUNE'), True, (2024, 9, 10)),
    ('cohere.command-r-plus-08-2024', 'cohere', '1.6', ('CHAT',), True, (2024, 9, 10)),
    ('cohere.command-a-03-2025', 'cohere', '1.0', ('CHAT',), False, (2025, 4, 1)),
    ('meta.llama-3.1-70b-instruct', 'meta', '1.0.0', ('CHAT', 'FINE_TUNE'), False, (2024, 7, 23)),
    ('meta.llama-3.3-70b-instruct', 'meta', '1.0.0', ('CHAT',), True, (2025, 1, 15)),
    ('meta.llama-3.2-90b-vision-instruct', 'meta', '1.0.0', ('CHAT', 'IMAGE_TEXT_TO_TEXT'), False, (2024, 11, 14)),
    ('cohere.embed-english-v3.0', 'cohere', '3.0', ('TEXT_EMBEDDINGS',), True, (2024, 2, 7)),
    ('cohere.embed-multilingual-v3.0', 'cohere', '3.0', ('TEXT_EMBEDDINGS',), True, (2024, 2, 7)),
    ('cohere.rerank.3-5', 'cohere', '3.5', ('TEXT_RERANK',), False, (2025, 3, 4)),
)


def base_model_records(region, compartment_id):
    """One read-only ACTIVE `Model` record per catalogue entry; OCIDs depend only on region and name."""
    records = []
    for name, vendor, version, capabilities, long_term, released in BASE_MODELS:
        created = timegm(released + (0, 0, 0))
        model_id = stable_ocid('generativeaimodel', region, name)
        fields = {
            'id': model_id, 'compartmentId': compartment_id, 'type': 'BASE', 'displayName': name, 'vendor': vendor,
            'version': version, 'capabilities': list(capabilities), 'isLongTermSupported': long_term,
            'lifecycleState': 'ACTIVE', 'timeCreated': rfc3339(created),
            'freeformTags': {}, 'definedTags': {}, 'systemTags': {},
        }
        record = Record('Model', model_id, fields, created)
        record.read_only = True
        records.append(record)
    return records
