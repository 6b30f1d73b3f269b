# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    # Waiting options of every resource module, whatever the cloud.
    DOCUMENTATION = r'''
options:
  wait:
    description:
      - Wait until the resource has settled (its work request has finished and its lifecycle state is final)
        before returning.
    type: bool
    default: true
  wait_timeout:
    description:
      - Seconds to wait when O(wait=true). When the time runs out the task fails, and the result still
        holds the resource's C(id) (its name, for a resource that its name identifies) and the last state seen;
        running the task again picks up the same resource.
    type: int
    default: 1200
'''
