"""Fault injection rules (`PUT /_emulator/faults`).

A rule: `{"kind": "throttle"|"error"|"drop_before"|"drop_after"|"rate_limit", "status": 500|502|503|504 (error),
"retry_after": seconds (throttle), "per_second": requests (rate_limit), "methods": [...],
"path": "<regex searched in the path>", "service": "...", "rate": 0..1, "count": max injections}`. The first
matching rule that fires wins; `rate` draws from a generator seeded by the `seed` given with the rules, so
runs are repeatable. A `rate_limit` rule lets `per_second` matching requests through each second (a token
bucket holding one second's worth, in real time) and answers the others 429 with the whole seconds until
the next token as `Retry-After`.
"""

import math
import random
import re
import time

KINDS = ('throttle', 'error', 'drop_before', 'drop_after', 'rate_limit')
ERROR_STATUSES = (500, 502, 503, 504)
RULE_KEYS = ('kind', 'status', 'retry_after', 'per_second', 'methods', 'path', 'service', 'rate', 'count')


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
        self.status = spec.get('status', 500 if self.kind == 'error' else None)
        if self.kind == 'error' and self.status not in ERROR_STATUSES:
            raise ValueError('error faults need status in %s' % (ERROR_STATUSES,))
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
