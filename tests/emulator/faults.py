"""Fault injection rules (`PUT /_emulator/faults`).

A rule: `{"kind": <kind>, "status": 500|502|503|504 (error; html also 200), "retry_after": seconds (throttle),
"per_second": requests (rate_limit), "methods": [...], "path": "<regex searched in the path>", "service": "...",
"rate": 0..1, "count": max injections}`. The first matching rule that fires wins; `rate` draws from a generator seeded by the `seed` given with the rules,
so runs are repeatable.

Kinds that answer instead of the service (nothing is processed): `throttle` (429 + Retry-After), `rate_limit`
(`per_second` matching requests through each second, a token bucket holding one second's worth in real time; the
others answered 429 with the whole seconds until the next token as Retry-After), `error` (the
status in the service's error format), `html` (an HTML error page, as a proxy sends), `drop_before` (the
connection is closed). Kinds that let the service process the request, then spoil its answer: `drop_after` (no
answer), `malformed` (a body that is not JSON), `truncated` (the first half of the JSON body), `unexpected_fields`
(the JSON body wrapped in an object the API does not define: `{"unexpectedWrapper": <body>}`), `extra_fields`
(`"unexpectedField"` added to the object and to the objects of its lists: clients must tolerate it), `hostile_ids`
(every `id` of the body, or every value under the rule's `key` such as `name` for resources their name identifies,
and the `opc-work-request-id` and `opc-next-page` headers, replaced by the rule's `value`:
a crafted id such as `{sk}`, `../x` or an OCID naming another host, which a client must never put into a path or a
host unchecked). Answers without a body (204, an empty 202) are left as they are by the body kinds.
"""

import json
import math
import random
import re
import time

from .wire import Response

BODY_KINDS = ('malformed', 'truncated', 'unexpected_fields', 'extra_fields', 'hostile_ids')
HOSTILE_HEADERS = ('opc-work-request-id', 'opc-next-page')
KINDS = ('throttle', 'rate_limit', 'error', 'html', 'drop_before', 'drop_after') + BODY_KINDS
ERROR_STATUSES = (500, 502, 503, 504)
HTML_PAGE = ('<html>\r\n<head><title>%(status)d %(reason)s</title></head>\r\n<body>\r\n<center><h1>%(status)d %(reason)s'
             '</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n')
REASONS = {200: 'OK', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable',
           504: 'Gateway Time-out'}
RULE_KEYS = ('kind', 'status', 'retry_after', 'per_second', 'methods', 'path', 'service', 'rate', 'count', 'value', 'key')


class FaultRule:

    def __init__(self, spec, services):
        if not isinstance(spec, dict):
            raise ValueError('a fault rule must be an object')
        unknown = sorted(set(spec) - set(RULE_KEYS))
        if unknown:
            raise ValueError('unknown fault rule keys: %s' % ', '.join(unknown))
        self.kind = spec.get('kind')
        if self.kind not in KINDS:
            raise ValueError('fault kind must be one of %s' % ', '.join(KINDS))
        self.status = spec.get('status', {'error': 500, 'html': 502}.get(self.kind))
        if self.kind == 'error' and self.status not in ERROR_STATUSES:
            raise ValueError('error faults need status in %s' % (ERROR_STATUSES,))
        if self.kind == 'html' and self.status not in (200,) + ERROR_STATUSES:
            raise ValueError('html faults need status in %s' % ((200,) + ERROR_STATUSES,))
        self.value = spec.get('value')
        if (self.kind == 'hostile_ids') != isinstance(self.value, str):
            raise ValueError('hostile_ids faults, and only they, need a string value')
        self.key = spec.get('key', 'id')
        self.retry_after = spec.get('retry_after', 1)
        if not isinstance(self.retry_after, (int, float)) or self.retry_after < 0:
            raise ValueError('retry_after must be a non-negative number')
        self.methods = [method.upper() for method in spec.get('methods') or []]
        try:
            self.path = re.compile(spec.get('path') or '')
        except re.error as err:
            raise ValueError('bad path regex: %s' % err)
        self.service = spec.get('service')
        if self.service is not None and self.service not in services:
            raise ValueError('service must be one of %s' % ', '.join(services))
        self.rate = spec.get('rate', 1)
        if not isinstance(self.rate, (int, float)) or not 0 <= self.rate <= 1:
            raise ValueError('rate must be a number between 0 and 1')
        self.count = spec.get('count')
        if self.count is not None and (not isinstance(self.count, int) or self.count < 0):
            raise ValueError('count must be a non-negative integer')
        self.per_second = spec.get('per_second')
        if self.kind == 'rate_limit' and (not isinstance(self.per_second, (int, float)) or self.per_second <= 0):
            raise ValueError('rate_limit faults need per_second > 0')
        self.tokens = self.per_second
        self.refilled = time.monotonic()
        self.spec = dict(spec)
        self.injected = 0

    def over_limit(self):
        """For rate_limit rules: take a token if one is left; else set retry_after and say so."""
        now = time.monotonic()
        self.tokens = min(self.per_second, self.tokens + (now - self.refilled) * self.per_second)
        self.refilled = now
        if self.tokens >= 1:
            self.tokens -= 1
            return False
        self.retry_after = max(1, math.ceil((1 - self.tokens) / self.per_second))
        return True

    def matches(self, service, method, path):
        return ((self.service is None or self.service == service)
                and (not self.methods or method in self.methods)
                and self.path.search(path) is not None
                and (self.count is None or self.injected < self.count))


class FaultInjector:

    def __init__(self, services):
        self._services = services
        self.configure(0, [])

    def configure(self, seed, rule_specs):
        """Replace all rules; raises ValueError (nothing changed) when a rule is invalid."""
        if not isinstance(seed, int) or not isinstance(rule_specs, list):
            raise ValueError('expected {"seed": int, "faults": [rule, ...]}')
        rules = [FaultRule(spec, self._services) for spec in rule_specs]
        self._seed = seed
        self._random = random.Random(seed)
        self._rules = rules

    def pick(self, service, method, path):
        """The rule to apply to this request, or None."""
        for rule in self._rules:
            if not rule.matches(service, method, path) or (rule.kind == 'rate_limit' and not rule.over_limit()):
                continue
            if rule.rate >= 1 or self._random.random() < rule.rate:
                rule.injected += 1
                return rule
        return None

    def describe(self):
        return {
            'seed': self._seed,
            'faults': [dict(rule.spec, injected=rule.injected) for rule in self._rules],
        }


def html_page(status):
    """What a proxy in front of the service answers: an HTML page."""
    body = HTML_PAGE % {'status': status, 'reason': REASONS[status]}
    return Response(status, body.encode('ascii'), {'Content-Type': 'text/html'})


def spoil(kind, response, value=None, key='id'):
    """The service's answer spoilt the way a body kind says; answers without a body are returned as they are but for
    the headers a `hostile_ids` rule replaces (by `value`)."""
    spoilt = response.copy()
    if kind == 'hostile_ids':
        for name in list(spoilt.headers):
            if name.lower() in HOSTILE_HEADERS:
                spoilt.headers[name] = value
    if not response.body:
        return spoilt
    if kind == 'malformed':
        spoilt.body = b'{"this is": not JSON, but it says it is}'
    elif kind == 'truncated':
        spoilt.body = response.body[:len(response.body) // 2]
    else:
        data = json.loads(response.body.decode('utf-8'))
        if kind == 'hostile_ids':
            data = _with_ids(data, value, key)
        elif kind == 'unexpected_fields':
            data = {'unexpectedWrapper': data}
        elif isinstance(data, dict):
            data['unexpectedField'] = 'added by the emulator'
            for value in data.values():
                for item in value if isinstance(value, list) else []:
                    if isinstance(item, dict):
                        item['unexpectedField'] = 'added by the emulator'
        spoilt.body = json.dumps(data).encode('utf-8')
    return spoilt


def _with_ids(data, value, key='id'):
    if isinstance(data, list):
        return [_with_ids(item, value, key) for item in data]
    if isinstance(data, dict):
        return dict((name, value if name == key and isinstance(item, str) else _with_ids(item, value, key))
                    for name, item in data.items())
    return data
