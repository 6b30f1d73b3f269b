"""In-memory state of one emulator instance (everything that `POST /_emulator/reset` forgets)."""

import itertools


class Record:
    """One stored resource: its wire fields plus bookkeeping.

    `created` is the emulated creation time (sorting), `seq` the store-wide insertion order
    (tie-breaks), `pending` an in-flight lifecycle transition owned by the service, `read_only`
    marks catalogue entries (base models) that no call may change.
    """

    def __init__(self, kind, record_id, fields, created):
        self.kind = kind
        self.id = record_id
        self.fields = fields
        self.created = created
        self.seq = 0
        self.pending = None
        self.read_only = False


class Store:
    """Objects with an `id` grouped by kind, plus the few service tables that are not resources."""

    def __init__(self):
        self._tables = {}
        self._seq = itertools.count(1)
        self.retry_tokens = {}   # (method, path, token) -> (time, body digest, Response)
        self.session_keys = {}   # session token -> (public key, expiry epoch seconds)
        self.objects = {}        # (namespace, bucket, object name) -> bytes: the emulated Object Storage

    def add(self, kind, item):
        item.seq = next(self._seq)
        self._tables.setdefault(kind, {})[item.id] = item
        return item

    def get(self, kind, item_id):
        return self._tables.get(kind, {}).get(item_id)

    def all(self, kind):
        return list(self._tables.get(kind, {}).values())

    def remove(self, kind, item_id):
        self._tables.get(kind, {}).pop(item_id, None)
