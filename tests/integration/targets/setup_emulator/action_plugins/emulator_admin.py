# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Calls the emulator's admin API (/_emulator/...) from the controller's task worker.

The integration targets read and clear the request log, reset the emulator and change its settings, faults and
objects hundreds of times; as ansible.builtin.uri tasks each call was a module process (about 0.7 s here), as this
action it is one loopback request. Options: ``path`` (below /_emulator/), ``method`` (GET), ``body`` (sent as JSON),
``log`` (true: read the request log, then clear it; the requests come back as the fact ``emulator_log``).
The answer's JSON is returned as ``json``, as uri returns it.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
from urllib.error import HTTPError

from ansible.errors import AnsibleActionFail
from ansible.module_utils.urls import open_url
from ansible.plugins.action import ActionBase


class ActionModule(ActionBase):

    _supports_check_mode = True  # it changes only the emulator, which check mode is not about

    def call(self, base_url, method, path, body=None):
        data = None if body is None else json.dumps(body)
        try:
            answer = open_url(base_url.rstrip("/") + "/_emulator/" + path.lstrip("/"), method=method, data=data,
                              headers={"Content-Type": "application/json"}, timeout=30)
        except HTTPError as error:
            raise AnsibleActionFail("%s /_emulator/%s: HTTP %s: %s" % (method, path, error.code, error.read()[:500]))
        text = answer.read()
        return json.loads(text) if text.strip() else None

    def run(self, tmp=None, task_vars=None):
        result = super(ActionModule, self).run(tmp, task_vars)
        args = self._task.args
        base_url = (task_vars or {})["emulator_url"]
        if args.get("log"):
            requests = self.call(base_url, "GET", "requests")["requests"]
            self.call(base_url, "DELETE", "requests")
            result["ansible_facts"] = {"emulator_log": requests}
            return result
        result["json"] = self.call(base_url, args.get("method", "GET"), args["path"], args.get("body"))
        return result
