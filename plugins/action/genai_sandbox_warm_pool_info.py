# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Runs the genai_sandbox_warm_pool_info module in the controller's task worker when the task runs on the controller."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cloudai.control.plugins.plugin_utils.in_controller import ActionModule  # noqa: F401 pylint: disable=unused-import
