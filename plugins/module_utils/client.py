# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The contract between the engine (and the behaviours) and a cloud's client: the only calls they make.

oci_client.OciClient and huawei_client.HuaweiClient implement every method; a call the cloud does not have raises
ResourceError saying so. Paths are a spec's ``path`` (its placeholders filled by the client) and the resource's id.
Every call raises transport.ApiError for an answer the service refused.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class CloudClient:
    """What a cloud client offers the engine and the behaviours."""

    etags = False  # True when reads give an etag that updates, moves and deletes send back (if-match)

    def read(self, spec, resource_id):
        """(resource, etag): the resource as the service shows it, or (None, None) when it does not know the id."""
        raise NotImplementedError

    def search(self, spec, scope_value, name, filters=()):
        """Every resource of the list call (all pages) in the scope, by name when ``name`` is given, with the
        (query, value) pairs of ``filters``."""
        raise NotImplementedError

    def create(self, spec, body):
        """(resource, work request id or None). A create whose answer was lost is not made twice."""
        raise NotImplementedError

    def start(self, spec, body, retry_token):
        """A create carrying the caller's retry token: (resource, the service's clock when it answered, or None)."""
        raise NotImplementedError

    def update(self, spec, resource, changes, etag, landed=None):
        """Send the wire ``changes``: (resource as answered, or None without a body; work request id or None).

        ``landed`` is given for an update that is not idempotent (it adds something): after a lost answer it
        says whether the service did it (the resource as it now is, or None) before the update is sent again.
        """
        raise NotImplementedError

    def move(self, spec, resource, scope_value, etag):
        """Move the resource into another scope (compartment): the work request id or None."""
        raise NotImplementedError

    def act(self, spec, resource, action, etag, body=None):
        """Post to an action of the resource (OCI ``cancel``, a Fabric endpoint's ``subscribe``): the work request id
        or None."""
        raise NotImplementedError

    def act_answer(self, spec, resource, action, etag, body=None):
        """Post to an action of the resource that answers with it (an API key's ``renew``): (resource as answered,
        or None without a body; work request id or None)."""
        raise NotImplementedError

    def delete(self, spec, resource, etag):
        """Delete the resource, or post to the spec's ``delete_action``: the work request id or None."""
        raise NotImplementedError

    def children(self, spec, resource, part, items_key="items"):
        """Every item (all pages) listed under a part of the resource (a model's ``versions``)."""
        raise NotImplementedError

    def part(self, spec, resource, part):
        """The one object under a part of the resource (a vector store connector's ``stats``)."""
        raise NotImplementedError

    def add_child(self, spec, resource, part, body):
        """Add an item to a part of the resource (a hosted deployment's ``artifacts``): the work request id or None.
        It carries a retry token, so an add whose answer was lost is not made twice."""
        raise NotImplementedError

    def remove_child(self, spec, resource, part, child_id):
        """Delete one item of a part of the resource (a model's version)."""
        raise NotImplementedError

    def set_part(self, spec, resource, part, body):
        """Replace a part of the resource that is a setting of its own (a Fabric workspace's ``metrics``) with PUT."""
        raise NotImplementedError

    def get_work_request(self, work_request_id):
        """The work request, for the waiter."""
        raise NotImplementedError

    def work_request_errors(self, work_request_id):
        """The work request's errors as a sentence to append to a failure message ('' when none)."""
        raise NotImplementedError
