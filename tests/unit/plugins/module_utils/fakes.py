# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Test doubles shared by the module_utils tests: a scripted HTTP server on 127.0.0.1, a fake clock,
a fake transport for the service clients and an in-memory service for the resource engine."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy
import http.server
import itertools
import json
import threading
import time
from datetime import datetime, timezone

from requests.structures import CaseInsensitiveDict

from ansible_collections.cloudai.control.plugins.module_utils.behaviours import StartOnce
from ansible_collections.cloudai.control.plugins.module_utils.client import CloudClient
from ansible_collections.cloudai.control.plugins.module_utils.engine import Engine
from ansible_collections.cloudai.control.plugins.module_utils.transport import ApiError, Response


# ---------------------------------------------------------------------------------------------------
# A real HTTP server with scripted replies

class Reply:
    """One scripted answer. ``body`` may be a dict (sent as JSON), str or bytes.

    ``drop`` closes the connection without answering; ``short_by`` announces more bytes than are sent;
    ``delay`` waits that many seconds before answering.
    """

    def __init__(self, status=200, body=None, headers=None, drop=False, short_by=0, delay=0):
        self.status = status
        self.headers = dict(headers or {})
        if isinstance(body, (dict, list)):
            body = json.dumps(body)
        self.body = body.encode("utf-8") if isinstance(body, str) else (body or b"")
        self.drop = drop
        self.short_by = short_by
        self.delay = delay


DROP = Reply(drop=True)


class Received:
    def __init__(self, method, path, headers, body):
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body


class ScriptedServer:
    """Answers the n-th request with the n-th Reply and records every request it received."""

    def __init__(self, replies=(), ssl_context=None):
        self.replies = list(replies)
        self.received = []
        self.lock = threading.Lock()
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def handle_any(self):
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length) if length else b""
                with server.lock:
                    server.received.append(Received(
                        self.command, self.path, dict((k.lower(), v) for k, v in self.headers.items()), body))
                    reply = server.replies.pop(0) if server.replies else Reply(599, "no reply scripted")
                if reply.drop:
                    self.close_connection = True
                    return
                time.sleep(reply.delay)
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(reply.body) + reply.short_by))
                self.end_headers()
                self.wfile.write(reply.body)
                self.close_connection = True

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = handle_any

            def log_message(self, *args):
                pass

        class Server(http.server.ThreadingHTTPServer):
            def handle_error(self, request, client_address):
                pass  # failed TLS handshakes and dropped connections are part of the tests

        self.httpd = Server(("127.0.0.1", 0), Handler)
        if ssl_context is not None:
            self.httpd.socket = ssl_context.wrap_socket(self.httpd.socket, server_side=True)
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
        self.thread.start()

    @property
    def port(self):
        return self.httpd.server_address[1]

    def url(self, path="", scheme="http"):
        return "%s://127.0.0.1:%d%s" % (scheme, self.port, path)

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


# ---------------------------------------------------------------------------------------------------
# Time

class FakeClock:
    """A monotonic clock that only moves when something sleeps on it."""

    def __init__(self, start=1000.0):
        self.now = start
        self.sleeps = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        assert seconds >= 0, "negative sleep %r" % seconds
        self.sleeps.append(seconds)
        self.now += seconds


# ---------------------------------------------------------------------------------------------------
# A transport double for the service clients

class FakeTransport:
    """Records request() calls and answers them with scripted Responses or ApiErrors (the last one repeats)."""

    def __init__(self, answers=(), retries=5):
        self.answers = list(answers)
        self.requests = []
        self.retries = retries

    def request(self, method, url, params=None, body=None, headers=None, idempotent=None):
        self.requests.append(dict(method=method, url=url, params=list(params or []), body=body,
                                  headers=dict(headers or {})))
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        return answer


def response(body=None, status=200, **headers):
    """A transport Response; header names given with underscores (opc_next_page -> opc-next-page)."""
    return Response(status, CaseInsensitiveDict((k.replace("_", "-"), v) for k, v in headers.items()), body)


# ---------------------------------------------------------------------------------------------------
# An in-memory service for the engine

GONE = object()  # a scripted state meaning: the resource is no longer found


class FakeClient(CloudClient):
    """The engine's client calls over a dict of wire-form resources; every call is recorded in ``calls``.

    A resource's state moves one step along its script each time it is read, so 'CREATING then ACTIVE'
    is ``["CREATING", "ACTIVE"]``. ``None`` as a state means the resource has no state field; ``GONE``
    removes it. ``fail(op, error, applied)`` makes the next ``op`` raise, after carrying it out if applied.
    ``start`` replays a known retry token like the OCI services; ``service_time`` is the service's clock.
    An ``act`` applies the wire changes ``action_effects`` gives for its action.
    """

    MUTATIONS = ("create", "start", "update", "move", "act", "delete")

    def __init__(self, spec, work_requests=False, create_states=None, update_states=None, delete_states=None,
                 work_request_statuses=("IN_PROGRESS", "SUCCEEDED"), work_request_errors=()):
        lifecycle = spec.lifecycle
        self.spec = spec
        self.etags = not spec.read_by_list
        self.resources = {}
        self.etags = {}
        self.scripts = {}
        self.calls = []
        self.faults = {}
        self.use_work_requests = work_requests
        self.work_request_statuses = list(work_request_statuses)
        self.work_request_error_list = list(work_request_errors)
        self.work_request_scripts = {}
        self.create_states = list(create_states or [lifecycle.ready[0]])
        self.update_states = list(update_states or [lifecycle.ready[0]])
        self.delete_states = list(delete_states or (list(lifecycle.deleting[:1]) + [GONE]))
        self._numbers = itertools.count(1)
        self.tokens = {}
        self.service_time = 1796000000.0
        self.action_effects = {}

    # -- test set-up and inspection -------------------------------------------------------------------
    def add(self, resource, script=()):
        resource = copy.deepcopy(resource)
        resource.setdefault("id", "%s-%d" % (self.spec.kind, next(self._numbers)))
        self.resources[resource["id"]] = resource
        self.etags[resource["id"]] = "etag-%d" % next(self._numbers)
        self.scripts[resource["id"]] = list(script)
        return resource["id"]

    def fail(self, op, error, applied=False):
        self.faults[op] = (error, applied)

    def ops(self):
        return [call[0] for call in self.calls]

    def mutations(self):
        return [call for call in self.calls if call[0] in self.MUTATIONS]

    # -- internals ------------------------------------------------------------------------------------
    def _set_state(self, resource_id, states):
        states = list(states)
        state = states.pop(0)
        self.scripts[resource_id] = states
        if state is GONE:
            del self.resources[resource_id]
        elif state is not None:
            self.resources[resource_id][self.spec.lifecycle.key] = state

    def _touch(self, resource_id):
        self.etags[resource_id] = "etag-%d" % next(self._numbers)

    def _work_request(self):
        if not self.use_work_requests:
            return None
        work_request_id = "wr-%d" % next(self._numbers)
        self.work_request_scripts[work_request_id] = list(self.work_request_statuses)
        return work_request_id

    def _check_fault(self, op, action):
        if op not in self.faults:
            return action()
        error, applied = self.faults.pop(op)
        if applied:
            action()
        raise error

    def _check_etag(self, resource_id, etag):
        if etag is not None and etag != self.etags[resource_id]:
            raise ApiError(412, "NoEtagMatch", "etag %s does not match" % etag, "req-412", "PUT", resource_id)

    # -- the client interface -------------------------------------------------------------------------
    def read(self, spec, resource_id):
        self.calls.append(("read", resource_id))
        if resource_id in self.resources and self.scripts.get(resource_id):
            self._set_state(resource_id, self.scripts[resource_id])
        if resource_id not in self.resources:
            return None, None
        etag = None if spec.read_by_list else self.etags[resource_id]
        return copy.deepcopy(self.resources[resource_id]), etag

    def search(self, spec, scope_value, name, filters=()):
        """Like the services' list calls: the name filter is loose (substring), gone resources are listed."""
        self.calls.append(("search", scope_value, name, list(filters)))
        found = []
        for resource in self.resources.values():
            if spec.scope and not spec.scope_in_path and scope_value is not None and resource.get(spec.scope.wire) != scope_value:
                continue
            if name is not None and name not in (resource.get(spec.name.wire) or ""):
                continue
            if any(resource.get(key) != value for key, value in filters):
                continue
            found.append(copy.deepcopy(resource))
        return iter(found)

    def create(self, spec, body):
        self.calls.append(("create", copy.deepcopy(body)))
        created = {}

        def action():
            resource_id = self.add(body)
            self._set_state(resource_id, self.create_states)
            created["resource"] = copy.deepcopy(self.resources[resource_id])

        self._check_fault("create", action)
        return created["resource"], self._work_request()

    def start(self, spec, body, retry_token):
        self.calls.append(("start", copy.deepcopy(body), retry_token))
        if retry_token in self.tokens:
            first_body, answer = self.tokens[retry_token]
            if first_body != body:
                raise ApiError(409, "IdempotencyConflict", "token used with another body", "req-409", "POST", spec.path)
            return copy.deepcopy(answer), self.service_time
        accepted = datetime.fromtimestamp(self.service_time, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
        resource_id = self.add(dict(body, **{accepted_key(spec): accepted}))
        self._set_state(resource_id, self.create_states)
        self.tokens[retry_token] = (copy.deepcopy(body), copy.deepcopy(self.resources[resource_id]))
        return copy.deepcopy(self.resources[resource_id]), self.service_time

    def update(self, spec, resource, changes, etag):
        resource_id = resource["id"]
        self.calls.append(("update", resource_id, copy.deepcopy(changes), etag))

        def action():
            self._check_etag(resource_id, etag)
            self.resources[resource_id].update(copy.deepcopy(changes))
            self._touch(resource_id)
            self._set_state(resource_id, self.update_states)

        self._check_fault("update", action)
        return copy.deepcopy(self.resources[resource_id]), self._work_request()

    def move(self, spec, resource, scope_value, etag):
        resource_id = resource["id"]
        self.calls.append(("move", resource_id, scope_value, etag))

        def action():
            self._check_etag(resource_id, etag)
            self.resources[resource_id][spec.scope.wire] = scope_value
            self._touch(resource_id)

        self._check_fault("move", action)

    def act(self, spec, resource, action, etag, body=None):
        resource_id = resource["id"]
        self.calls.append(("act", resource_id, action, etag))

        def apply():
            self._check_etag(resource_id, etag)
            self.resources[resource_id].update(copy.deepcopy(self.action_effects.get(action, {})))
            self._touch(resource_id)

        self._check_fault("act", apply)
        return self._work_request()

    def act_answer(self, spec, resource, action, etag, body=None):
        """An action that takes a retry token: recorded as an ``act`` marked ``retry_token``; it answers nothing."""
        try:
            return None, self.act(spec, resource, action, etag, body)
        finally:
            self.calls[-1] += ("retry_token",)

    def delete(self, spec, resource, etag):
        resource_id = resource["id"]
        self.calls.append(("delete", resource_id, etag))

        def action():
            self._check_etag(resource_id, etag)
            self._set_state(resource_id, self.delete_states)

        self._check_fault("delete", action)
        return self._work_request()

    def get_work_request(self, work_request_id):
        self.calls.append(("get_work_request", work_request_id))
        statuses = self.work_request_scripts[work_request_id]
        status = statuses.pop(0) if len(statuses) > 1 else statuses[0]
        return {"id": work_request_id, "status": status, "percentComplete": 100 if status == "SUCCEEDED" else 40}

    def work_request_errors(self, work_request_id):
        self.calls.append(("work_request_errors", work_request_id))
        if not self.work_request_error_list:
            return ""
        return "; errors: " + "; ".join("%s: %s" % (e["code"], e["message"]) for e in self.work_request_error_list)


def accepted_key(spec):
    return next(b.accepted_key for b in spec.behaviours if isinstance(b, StartOnce))


def run_engine(spec, client, clock, check_mode=False, diff_mode=False, **params):
    """The engine's result for these module parameters (with the modules' defaults), on the fake clock."""
    full = dict(state="present", wait=True, wait_timeout=1200, purge_tags=True)
    full.update(params)
    return Engine(spec, client, full, check_mode=check_mode, diff_mode=diff_mode, clock=clock, sleep=clock.sleep).run()
