"""The request log behind `GET /_emulator/requests`.

Only method, path, query and outcome are kept: never headers or bodies, so no credential can leak.
With `--request-log FILE` every request is also appended to FILE as a JSON line with its body (the oracle test
of tests/oracle checks them against the official SDKs): a file for test runs, with the test credentials only.
"""

import json
import time

MUTATING_METHODS = ('POST', 'PUT', 'PATCH', 'DELETE')
# services whose POSTs change cloud resources (the federation POST only exchanges a token)
RESOURCE_SERVICES = ('genai', 'vision', 'fabric')
# POSTs of those services that only compute an answer and change nothing (OCI Vision's synchronous analysis)
READ_ONLY_ACTIONS = ('/actions/analyzeImage', '/actions/analyzeDocument')
# request headers that are operation parameters (the request log file names those sent; their values are not kept)
PARAMETER_HEADERS = ('opc-retry-token', 'if-match')


class RequestLog:

    def __init__(self, file=None):
        self._entries = []
        self._last_seq = 0
        self._file = file

    def add(self, service, request, status, request_id, fault, replayed=False):
        """``replayed``: the answer was the stored one of a repeated retry token, so nothing changed."""
        self._last_seq += 1
        if self._file is not None:
            try:
                body = json.loads(request.body) if request.body else None
            except ValueError:
                body = {'not JSON': len(request.body)}
            self._file.write(json.dumps({'service': service, 'method': request.method, 'path': request.path,
                                         'query': request.query, 'body': body, 'status': status,
                                         'headers': [name for name in PARAMETER_HEADERS if request.header(name) is not None]}) + '\n')
            self._file.flush()
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
