"""Requests and responses as the emulator's services see them, plus small wire-format helpers."""

import json
import uuid
from datetime import datetime, timezone
from urllib.parse import parse_qsl


class Request:
    """One received HTTP request.

    `target` is the request-line target exactly as received (signatures are computed over it),
    `headers` is a case-insensitive mapping (the `http.server` message object), `body` is bytes.
    """

    def __init__(self, method, target, headers, body=b''):
        self.method = method.upper()
        self.target = target
        self.path, _sep, self.query_string = target.partition('?')
        self.query = parse_qsl(self.query_string, keep_blank_values=True)
        self.headers = headers
        self.body = body or b''

    def header(self, name, default=None):
        return self.headers.get(name, default)

    def param(self, name):
        """First value of query parameter `name`, or None."""
        for key, value in self.query:
            if key == name:
                return value
        return None

    def params(self, name):
        """Every value of a repeated query parameter (`capability=A&capability=B`)."""
        return [value for key, value in self.query if key == name]


class Response:
    """Status, headers (name -> value) and body bytes of one answer."""

    def __init__(self, status, body=b'', headers=None):
        self.status = status
        self.body = body
        self.headers = dict(headers or {})
        self.replayed = False  # the stored answer to a repeated retry token: nothing was changed

    def copy(self):
        return Response(self.status, self.body, self.headers)

    def header(self, name):
        lowered = name.lower()
        for key, value in self.headers.items():
            if key.lower() == lowered:
                return value
        return None

    def params(self, name):
        """Every value of a repeated query parameter (`capability=A&capability=B`)."""
        return [value for key, value in self.query if key == name]


def json_response(status, data, headers=None):
    all_headers = {'Content-Type': 'application/json'}
    all_headers.update(headers or {})
    return Response(status, json.dumps(data).encode('utf-8'), all_headers)


def parse_json(body):
    """Decode a JSON request body; raises ValueError with a readable message."""
    try:
        return json.loads(body.decode('utf-8'))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ValueError('request body is not valid JSON: %s' % err)


def rfc3339(timestamp):
    """Epoch seconds -> `2025-01-06T12:00:00.000Z` (UTC, milliseconds)."""
    moment = datetime.fromtimestamp(timestamp, timezone.utc)
    return moment.strftime('%Y-%m-%dT%H:%M:%S.') + '%03dZ' % (moment.microsecond // 1000)


def new_request_id():
    return uuid.uuid4().hex.upper()
