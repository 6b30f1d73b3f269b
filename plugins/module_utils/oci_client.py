# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""OCI service client: base URL per service and region, paging, retry tokens, etags, work requests.

It keeps the contract of client.CloudClient (the calls the engine and the behaviours make).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import email.utils
import random
import re
import string

from ansible_collections.cloudai.control.plugins.module_utils.client import CloudClient
from ansible_collections.cloudai.control.plugins.module_utils.oci_regions import REGION_PATTERN, realm_domain, region_from_ocid
from ansible_collections.cloudai.control.plugins.module_utils.transport import ApiError, fill_path, gone_on_retry_is_done, path_segment

OCID = re.compile(r"^ocid1\.([a-z0-9]+)\.([a-z0-9]+)\.([a-z0-9-]*)(\.[a-z0-9-]+)?\.[A-Za-z0-9_-]+\Z")

# service -> (host prefix, API version)
SERVICES = {
    "generativeai": ("generativeai", "20231130"),
    "vision": ("vision.aiservice", "20220125"),
}
PAGE_LIMIT = 1000


def new_retry_token():
    alphabet = string.ascii_letters + string.digits
    return "".join(random.SystemRandom().choice(alphabet) for dummy in range(30))


class OciClient(CloudClient):
    etags = True  # reads return an etag that updates and deletes send as if-match

    def __init__(self, transport, service, region, endpoint=None, path_params=None):
        self.transport = transport
        self.path_params = path_params or {}  # the module's options: they fill a path's {project_id}
        self.host_prefix, self.api_version = SERVICES[service]
        self.region = region
        self.endpoint = endpoint.rstrip("/") if endpoint else None

    def base_url(self, resource_id=None):
        """The configured endpoint, or the regional host of the id's region (a checked OCID) or else of ours."""
        if self.endpoint:
            return "%s/%s" % (self.endpoint, self.api_version)
        region = region_from_ocid(resource_id) if resource_id else None
        if not region or not REGION_PATTERN.match(region):
            region = self.region
        return "https://%s.%s.oci.%s/%s" % (self.host_prefix, region, realm_domain(region), self.api_version)

    def call(self, method, path, resource_id=None, params=None, body=None, etag=None, retry_token=False, idempotent=None):
        """``path`` may hold ``{id}``, filled with ``resource_id``, whose region picks the host: it may come from an
        answer, so it must be an OCID. ``retry_token``: True sends a new random opc-retry-token, a string sends that
        one. ``idempotent``: True for a POST that changes nothing and may be sent again (see Transport.request)."""
        if resource_id is not None and not (isinstance(resource_id, str) and OCID.match(resource_id)):
            raise ApiError(0, "UnexpectedResponse", "the service's answer holds an id that is not an OCID: %.80r"
                           % (resource_id,), method=method, url=path)
        headers = {}
        if etag:
            headers["if-match"] = etag
        if retry_token:
            headers["opc-retry-token"] = retry_token if isinstance(retry_token, str) else new_retry_token()
        return self.transport.request(method, self.base_url(resource_id) + fill_path(path, dict(self.path_params, id=resource_id)),
                                      params=params, body=body, headers=headers, idempotent=idempotent)

    def item(self, spec, resource_id):
        """(path, id) of one resource for call(): ``{id}`` and its OCID; or, for a resource that its name identifies
        (spec.id_key: a project's sandbox warm pool), its name in the path and the OCID of its scope, whose region
        picks the host. That name is the task's own: an answer that names another is refused."""
        if spec.id_key == "id":
            return spec.path + "/{id}", resource_id
        if resource_id != self.path_params.get(spec.name.option):
            raise ApiError(0, "UnexpectedResponse", "the service's answer holds a %s that is not the one asked for, %r: "
                           "%.80r" % (spec.name.option, self.path_params.get(spec.name.option), resource_id), url=spec.path)
        return spec.path + "/" + path_segment(resource_id), self.path_params[spec.scope.option]

    def pages(self, path, params, resource_id=None):
        """Every item of a list call, following opc-next-page."""
        params = list(params) + [("limit", PAGE_LIMIT)]
        page = None
        while True:
            response = self.call("GET", path, resource_id, params=params + ([("page", page)] if page else []))
            yield from response.items("items")
            page = response.header("opc-next-page")
            if not page:
                return

    # -- the contract (client.CloudClient) ----------------------------------------------------------------
    def read(self, spec, resource_id):
        """(resource, etag), or (None, None) when the service does not know the id."""
        try:
            response = self.call("GET", *self.item(spec, resource_id))
        except ApiError as error:
            if error.status == 404:
                return None, None
            raise
        return response.resource(spec.id_key), response.header("etag")

    def search(self, spec, scope_value, name, filters=()):
        params = [(spec.scope.query, scope_value)] if spec.scope.query else []
        if name is not None:
            params.append((spec.name.query, name))
        return self.pages(spec.path, params + list(filters))

    def create(self, spec, body):
        response = self.call("POST", spec.path, body=body, retry_token=True)
        return response.resource(spec.id_key), response.header("opc-work-request-id")

    def start(self, spec, body, retry_token):
        """A create with the caller's retry token: (resource, the service's clock when it answered, or None)."""
        response = self.call("POST", spec.path, body=body, retry_token=retry_token)
        return response.resource(), http_date_seconds(response.header("date"))

    def update(self, spec, resource, changes, etag, landed=None):
        """``landed`` is not needed: the PUT sets the values it carries, so sending it again does no more."""
        response = self.call("PUT", *self.item(spec, spec.id_of(resource)), body=changes, etag=etag)
        return (response.resource(spec.id_key) if response.body is not None else None), response.header("opc-work-request-id")

    def move(self, spec, resource, scope_value, etag):
        response = self.call("POST", spec.path + "/{id}/actions/changeCompartment", resource["id"],
                             body={"compartmentId": scope_value}, etag=etag, retry_token=spec.move_retry_token)
        return response.header("opc-work-request-id")

    def delete(self, spec, resource, etag):
        if spec.delete_action:
            return self.act(spec, resource, spec.delete_action, etag)
        response = self.call("DELETE", *self.item(spec, spec.id_of(resource)), etag=etag)
        return response.header("opc-work-request-id")

    def act(self, spec, resource, action, etag, body=None):
        response = self.call("POST", spec.path + "/{id}/actions/" + action, resource["id"], body=body, etag=etag)
        return response.header("opc-work-request-id")

    def act_answer(self, spec, resource, action, etag, body=None):
        """An action that takes an opc-retry-token (an API key's renew and setstate, a stream job's start and stop),
        so one whose answer was lost is retried: the resource it answers (or None) and the work request id."""
        response = self.call("POST", spec.path + "/{id}/actions/" + action, resource["id"], body=body, etag=etag,
                             retry_token=True)
        return (response.resource() if response.body is not None else None), response.header("opc-work-request-id")

    def children(self, spec, resource, part, items_key="items"):
        return self.pages(spec.path + "/{id}/" + part, [], resource["id"])

    def part(self, spec, resource, part):
        return self.call("GET", spec.path + "/{id}/" + part, resource["id"]).object()

    def add_child(self, spec, resource, part, body):
        response = self.call("POST", spec.path + "/{id}/" + part, resource["id"], body=body, retry_token=True)
        return response.header("opc-work-request-id")

    def remove_child(self, spec, resource, part, child_id):
        gone_on_retry_is_done(lambda: self.call("DELETE", spec.path + "/{id}/" + part + "/" + path_segment(child_id),
                                                resource["id"]))

    def set_part(self, spec, resource, part, body):
        self.call("PUT", spec.path + "/{id}/" + part, resource["id"], body=body)

    def get_work_request(self, work_request_id):
        return self.call("GET", "/workRequests/{id}", work_request_id).resource()

    def work_request_errors(self, work_request_id):
        """The work request's errors as a sentence to append to a failure message ('' when none)."""
        try:
            errors = list(self.pages("/workRequests/{id}/errors", [], work_request_id))
        except ApiError:
            return ""
        if not errors:
            return ""
        return "; errors: " + "; ".join("%s: %s" % (e.get("code"), e.get("message")) for e in errors)


def http_date_seconds(value):
    """An HTTP Date header -> epoch seconds, or None."""
    try:
        moment = email.utils.parsedate_to_datetime(value) if value else None
    except (TypeError, ValueError):
        return None
    return moment.timestamp() if moment is not None and moment.tzinfo is not None else None
