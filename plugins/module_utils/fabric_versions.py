# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The versions of a DataArts Fabric model: a behaviour of the model spec (fabric.MODEL)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ansible_collections.cloudai.control.plugins.module_utils.behaviours import Behaviour
from ansible_collections.cloudai.control.plugins.module_utils.spec import ResourceError, differs, to_wire


def current_version_name(value):
    """``current_version`` as a version name: given as one, or as the dict fabric_model_info returns (its name)."""
    if isinstance(value, dict):
        return value.get("name")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)  # what a str option would have made of it
    return value


def version_wire(version):
    """The ModelVersionInput of a ``version`` option."""
    return to_wire(dict((k, v) for k, v in version.items() if k != "state"), lambda name: name)


def list_versions(client, spec, model):
    return list(client.children(spec, model, "versions", "versions"))


class ModelVersions(Behaviour):
    """The versions of a model, beyond the plain fields: ``version`` is added when the model has no version of that
    name (a version cannot be changed), ``current_version`` names the version in use, and versions are removed only
    when asked: ``version.state=absent`` or ``purge_versions``. The current version is never removed.

    The service is assumed to make a version added by an update the current one; when it does not and
    ``current_version`` names the new version, a second update switches to it. ``label``: what has the versions (a
    model, a job).
    """

    def __init__(self, label="model"):
        self.label = label

    def create_fields(self, params):
        version = params["version"]
        if version.get("state") == "absent":
            raise ResourceError("there is no %s %r to remove version %r from (version.state=absent)" % (
                self.label, params.get("name"), version["name"]))
        current = current_version_name(params.get("current_version"))
        if current is not None and current != version["name"]:
            raise ResourceError("current_version %r is not a version of the %s to be created, whose only version "
                                "is %r" % (current, self.label, version["name"]))
        return {"version": version_wire(version)}

    def converge(self, engine, resource, created):
        model, params = resource, engine.params
        version, purge = params.get("version"), params.get("purge_versions")
        wanted_current = current_version_name(params.get("current_version"))
        if created:
            if "version" in model:  # a check-mode prediction: the create body
                model = dict(model)
                model["current_version"] = model.pop("version")
            return model, False, {}, {"current_version": version["name"], "versions": [version["name"]]}
        if not (version or wanted_current or purge):
            return model, False, {}, {}
        spec = engine.spec
        state = _VersionState(engine.client, spec, model)
        current = model.get("current_version") or {}

        update, added = {}, None
        if version and version.get("state") != "absent":
            have, want = state.find(version["name"]), version_wire(version)
            if have is None:
                update["version"] = added = want
            elif differs(want, have):
                raise ResourceError("version %r of the %s %s already exists with other content (it has %r, the task "
                                    "gives %r); a version cannot be changed: give the new content a new version name" % (
                                        version["name"], spec.label, model["id"],
                                        dict((k, have.get(k)) for k in want), want), id=model["id"])
        final = wanted_current or (added["name"] if added else current.get("name"))
        # an added version may become the current one: name the wanted one in the same update
        if wanted_current and (wanted_current != current.get("name") or added) and wanted_current != (added or {}).get("name"):
            target = state.find(wanted_current)
            if target is None:
                raise ResourceError("current_version %r is not a version of the %s %s (its versions: %s)" % (
                    wanted_current, spec.label, model["id"], ", ".join(state.names())), id=model["id"])
            update["current_version_id"] = target["id"]

        removals = []
        if version and version.get("state") == "absent" and state.find(version["name"]) is not None:
            removals.append(state.find(version["name"]))
        if purge:
            keep = set([final] + ([version["name"]] if version and version.get("state") != "absent" else []))
            removals.extend(v for v in state.all() if v["name"] not in keep and v not in removals)
        for removed in removals:
            if removed["name"] == final:
                raise ResourceError("version %r is the current version of the %s %s and cannot be removed; set "
                                    "current_version to another version first" % (final, spec.label, model["id"]),
                                    id=model["id"])

        before = state.view()  # everything was listed that needs to be: nothing has changed yet
        if not update and not removals:
            return model, False, before, before
        if engine.check_mode:
            model = copy.deepcopy(model)
            model["current_version"] = added if final == (added or {}).get("name") else state.find(final)
        else:
            if update:
                landed = (lambda: self.landed(engine.client, spec, model, state, added)) if added else None
                model = engine.client.update(spec, model, update, None, landed)[0]
                if wanted_current and (model.get("current_version") or {}).get("name") != wanted_current:
                    switch = {"current_version_id": state.refresh().find(wanted_current)["id"]}
                    model = engine.client.update(spec, model, switch, None)[0]
            for removed in removals:
                engine.client.remove_child(spec, model, "versions", removed["id"])
        state.apply(added, removals)
        return model, True, before, state.view(final)

    @staticmethod
    def landed(client, spec, model, state, added):
        """The model as it now is when the update that adds the version ``added`` went through (its answer was lost)."""
        if state.refresh().find(added["name"]) is not None:
            return client.read(spec, model["id"])[0]
        return None


class _VersionState:
    """What a converge knows of a model's versions: its current version, and all of them once listed."""

    def __init__(self, client, spec, model):
        self.client = client
        self.spec = spec
        self.model = model
        self.current = model.get("current_version") or {}
        self.listed = None

    def all(self):
        if self.listed is None:
            self.listed = list_versions(self.client, self.spec, self.model)
        return self.listed

    def refresh(self):
        self.listed = None
        return self

    def find(self, name):
        if self.current.get("name") == name:
            return self.current
        return next((v for v in self.all() if v.get("name") == name), None)

    def names(self):
        return sorted(v["name"] for v in self.all())

    def apply(self, added, removals):
        if self.listed is not None:
            names = [v["name"] for v in removals] + ([added["name"]] if added else [])
            self.listed = [v for v in self.listed if v["name"] not in names] + ([added] if added else [])

    def view(self, current=None):
        view = {"current_version": current or self.current.get("name")}
        if self.listed is not None:
            view["versions"] = self.names()
        return view
