# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    # HTTP options of every module, whatever the cloud (cloud_module.CONNECTION_ARGS).
    DOCUMENTATION = r'''
options:
  validate_certs:
    description:
      - Verify the service's TLS certificate. Turning this off produces a warning.
    type: bool
    default: true
  ca_bundle:
    description:
      - Path of a PEM file with the certificate authorities to trust instead of the system's.
    type: path
  allow_http:
    description:
      - Allow an C(endpoint) with plain C(http://) to a host other than loopback (V(127.0.0.1), V(::1),
        V(localhost)). Credentials and data then travel unencrypted; the module warns, naming where the endpoint came
        from (the option or an environment variable).
      - Without it such an endpoint is refused. Plain C(http://) to a loopback host, such as the collection's local
        emulator, is always allowed.
    type: bool
    default: false
  timeout:
    description:
      - Seconds to wait for each HTTP response.
    type: int
    default: 60
  retries:
    description:
      - How many times a request is retried after throttling (HTTP 429), a server error (HTTP 5xx) or a connection
        error, with exponential backoff and jitter, honouring C(Retry-After).
      - Throttling that says when to come back (HTTP 429 with C(Retry-After)) costs no retry for up to five minutes
        of waiting in all, so that tasks sharing a rate limit do not use up their retries on one another.
      - A create is never repeated blindly. OCI creates carry an C(opc-retry-token), so the service returns
        the first result; a Huawei Cloud create whose response was lost is looked up by name before it is sent again.
    type: int
    default: 5
'''
