# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Huawei Cloud DataArts Fabric client: endpoint, offset/limit paging with ``total``, name checks on create.

It keeps the contract of client.CloudClient, so the engine needs no special cases. Huawei has no retry tokens: a
create whose response was lost is detected by looking the name up before it is sent again. It has no etags, moves,
or work requests either: those calls refuse.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.cloudai.control.plugins.module_utils.client import CloudClient
from ansible_collections.cloudai.control.plugins.module_utils.spec import ResourceError
from ansible_collections.cloudai.control.plugins.module_utils.transport import ApiError, fill_path, gone_on_retry_is_done

PAGE_LIMIT = 100
RESOURCE_ID = re.compile(r"^[A-Za-z0-9-]{1,64}\Z")


class HuaweiClient(CloudClient):
    """``path_params`` (the module's options) fill placeholders such as ``{workspace_id}`` in a spec's path."""

    etags = False  # the service has none: nothing to read before an update

    def __init__(self, transport, endpoint, path_params=None):
        self.transport = transport
        self.endpoint = endpoint.rstrip("/")
        self.path_params = path_params or {}

    def call(self, method, path, params=None, body=None, idempotent=None, ids=None):
        """``path``'s placeholders are filled from ``ids`` (ids of resources, which may come from answers: each must be a
        resource id) and from ``path_params`` (options, checked by the module), each value percent-encoded."""
        for value in (ids or {}).values():
            if not isinstance(value, str) or not RESOURCE_ID.match(value):
                raise ApiError(0, "UnexpectedResponse", "the service's answer holds an id that is not a resource id "
                               "(1-64 letters, digits and '-'): %.80r" % (value,), method=method, url=self.endpoint + path)
        return self.transport.request(method, self.endpoint + fill_path(path, dict(self.path_params, **(ids or {}))),
                                      params=params, body=body, idempotent=idempotent)

    def pages(self, path, params, items_key, ids=None, body=None, total_key="total"):
        """Every item of a list call: offset += items served until ``total`` items were seen or a page is empty.
        With a ``body`` the list call is a POST (Fabric's workspace filter by tag, whose total is ``total_count``).

        A page shorter than ``limit`` is not the last one: the service does not promise full pages, and may leave
        ``total`` out (then only an empty page ends the list)."""
        offset = 0
        while True:
            response = self.call("GET" if body is None else "POST", path, body=body, idempotent=True, ids=ids,
                                 params=list(params) + [("offset", offset), ("limit", PAGE_LIMIT)])
            items = response.items(items_key)
            yield from items
            offset += len(items)
            total = response.body.get(total_key)
            if not items or (isinstance(total, int) and offset >= total):
                return

    # -- the contract (client.CloudClient) ----------------------------------------------------------------
    def read(self, spec, resource_id):
        """(resource, None): Huawei has no etags. Resources without a GET call are read with an id filter."""
        if spec.read_by_list:
            params = ([(spec.id_query, resource_id)] if spec.id_query else []) + list(spec.list_params)
            found = [r for r in self.pages(spec.path, params, spec.items_key) if r.get("id") == resource_id]
            return (found[0] if found else None), None
        try:
            return self.call("GET", spec.path + "/{id}", ids={"id": resource_id}).resource(), None
        except ApiError as error:
            if error.status == 404:
                return None, None
            raise

    def search(self, spec, scope_value, name, filters=()):
        params = list(filters)
        params += [(query, value) for query, value in spec.list_params if query not in dict(params)]
        if name is not None:
            params.append((spec.name.query, name))
        return self.pages(spec.path, params, spec.items_key)

    def create(self, spec, body):
        """POST the create; when its response was lost, look the name up before sending it again."""
        name = body.get(spec.name.wire)

        def made():
            return next((r for r in self.search(spec, None, name) if r.get(spec.name.wire) == name), None)
        payload = {spec.create_envelope: [body]} if spec.create_envelope else body

        def send():
            created = self.call("POST", spec.path, body=payload).resource()
            return (self.read(spec, created["id"])[0] or created) if spec.answers_ids else created
        return self.once(send, made), None

    def update(self, spec, resource, changes, etag, landed=None):
        """PUT the changes. An update that adds something (a model's version) is not idempotent: ``landed`` is then
        given, and says after a lost answer whether the service did it (the resource as it now is, or None)."""
        def send():
            response = self.call("PUT", spec.path + "/{id}", body=changes, idempotent=landed is None,
                                 ids={"id": resource["id"]})
            if spec.answers_ids:
                response.resource()
                return self.read(spec, resource["id"])[0]
            return response.resource() if response.body is not None else None
        return (send() if landed is None else self.once(send, landed)), None

    def once(self, send, landed):
        """``send()`` a request the service does not make idempotent; when its answer was lost (the service may have
        done it), ask ``landed()`` for what it did before sending it again, as often as the transport retries."""
        attempt = 1
        while True:
            try:
                return send()
            except ApiError as error:
                if not error.ambiguous:
                    raise
                found = landed()
                if found is not None:
                    return found
                if attempt > self.transport.retries:
                    raise
            attempt += 1

    def delete(self, spec, resource, etag):
        self.call("DELETE", spec.path + "/{id}", ids={"id": resource["id"]})

    def children(self, spec, resource, part, items_key="items"):
        return self.pages(spec.path + "/{id}/" + part, [], items_key, ids={"id": resource["id"]})

    def part(self, spec, resource, part):
        return self.call("GET", spec.path + "/{id}/" + part, ids={"id": resource["id"]}).object()

    def add_child(self, spec, resource, part, body):
        self.call("POST", spec.path + "/{id}/" + part, body=body, ids={"id": resource["id"]})

    def remove_child(self, spec, resource, part, child_id):
        gone_on_retry_is_done(lambda: self.call("DELETE", spec.path + "/{id}/" + part + "/{child_id}",
                                                ids={"id": resource["id"], "child_id": child_id}))

    def set_part(self, spec, resource, part, body):
        self.call("PUT", spec.path + "/{id}/" + part, body=body, ids={"id": resource["id"]})

    def act(self, spec, resource, action, etag, body=None):
        """POST to an action of the resource (a workspace's ``tags/create``, an endpoint's ``subscribe``). Fabric's
        actions set a state, so one sent again after a lost answer does no harm. There are no work requests: None."""
        self.call("POST", spec.path + "/{id}/" + action, body=body, idempotent=True, ids={"id": resource["id"]})

    def start(self, spec, body, retry_token):
        raise unsupported("retry tokens", spec)

    def move(self, spec, resource, scope_value, etag):
        raise unsupported("moves", spec)

    def act_answer(self, spec, resource, action, etag, body=None):
        raise unsupported("actions that answer", spec)

    def get_work_request(self, work_request_id):
        raise unsupported("work requests")

    def work_request_errors(self, work_request_id):
        raise unsupported("work requests")


def unsupported(what, spec=None):
    return ResourceError("the Huawei Cloud API has no %s%s" % (what, " for the %s" % spec.label if spec else ""))
