"""The request log behind `GET /_emulator/requests`.

Only method, path, query and outcome are kept: never headers or bodies, so no credential can leak.
"""

import time

MUTATING_METHODS = ('POST', 'PUT', 'PATCH', 'DELETE')
# services whose POSTs change cloud resources (the federation POST only exchanges a token)
RESOURCE_SERVICES = ('genai', 'vision', 'fabric')
# POSTs of those services that only compute an answer and change nothing (OCI Vision's synchronous analysis)
READ_ONLY_ACTIONS = ('/actions/analyzeImage', '/actions/analyzeDocument')


class RequestLog:

    def __init__(self):
        self._entries = []
        self._last_seq = 0

    def add(self, service, request, status, request_id, fault, replayed=False):
        """``replayed``: the answer was the stored one of a repeated retry token, so nothing changed."""
        self._last_seq += 1
        self._entries.append({
            'seq': self._last_seq,
            'time': time.time(),
            'service': service,
            'method': request.method,
            'path': request.path,
            'query': request.query_string,
            'status': status,
            'mutating': (service in RESOURCE_SERVICES and request.method in MUTATING_METHODS
                         and not request.path.endswith(READ_ONLY_ACTIONS) and not replayed),
            'replayed': replayed,
            'request_id': request_id,
            'fault': fault,
        })

    def since(self, seq):
        return [dict(entry) for entry in self._entries if entry['seq'] > seq]

    def clear(self):
        """Forget the entries; sequence numbers keep counting so `since` stays meaningful."""
        self._entries = []
