# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    # Resource modules: an item of the matching _info module is valid arguments.
    DOCUMENTATION = r'''
options: {}  # ansible-doc takes a fragment only with options or attributes
notes:
  - Each item that the matching C(_info) module returns can be passed whole as this module's arguments or
    C(module_defaults) and converges with nothing changed. The keys of such an item that are not options (the
    read-only keys the service returns, such as C(lifecycle_state), C(time_created) or C(status)) are accepted
    and ignored; any other unknown option is refused.
'''
