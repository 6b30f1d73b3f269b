# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The error every layer may raise for settings that cannot work, kept apart so signers import nothing heavy."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ConfigError(Exception):
    """Settings that cannot work (credentials, keys, region, endpoint). The message names the option and the
    rule, and never holds a secret."""
