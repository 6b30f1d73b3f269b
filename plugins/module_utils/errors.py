# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The error every layer may raise for settings that cannot work, kept apart so signers import nothing heavy."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import difflib


class ConfigError(Exception):
    """Settings that cannot work (credentials, keys, region, endpoint). The message names the option and the
    rule, and never holds a secret."""


def did_you_mean(name, known):
    """' (did you mean x?)' for the closest of the ``known`` names, or ''."""
    close = difflib.get_close_matches(name, sorted(known), n=1, cutoff=0.8)
    return " (did you mean %s?)" % close[0] if close else ""


def a(noun):
    """``noun`` with its indefinite article: 'an image job', 'a dict', 'an int'."""
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun
