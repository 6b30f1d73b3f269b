# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    # Authentication and connection options shared by every OCI module.
    DOCUMENTATION = r'''
options:
  auth_type:
    description:
      - How requests are authenticated.
      - V(api_key) signs with a user's API key (O(user), O(fingerprint), O(key_file) or O(key_content)).
      - V(security_token) signs with a session token created by C(oci session authenticate); the token is read
        from the C(security_token_file) of the config profile and the session key from O(key_file).
      - V(instance_principal) uses the identity of the OCI compute instance the task runs on.
      - If not set, the environment variable E(OCI_CLI_AUTH) is used, then V(api_key).
    type: str
    choices: [api_key, security_token, instance_principal]
  config_file:
    description:
      - Path of the OCI configuration file (the C(~/.oci/config) format of the OCI CLI and SDKs).
      - If not set, the environment variables E(OCI_CONFIG_FILE) or E(OCI_CLI_CONFIG_FILE) are used, then
        C(~/.oci/config). A missing default file is not an error when the options give everything needed.
    type: path
  config_profile:
    description:
      - Profile of O(config_file) to read. Keys of the C(DEFAULT) profile are inherited by every profile.
      - If not set, the environment variables E(OCI_CONFIG_PROFILE) or E(OCI_CLI_PROFILE) are used, then C(DEFAULT).
    type: str
  region:
    description:
      - OCI region, as an identifier (V(us-chicago-1)) or a short code (V(ord)).
      - If not set, the environment variables E(OCI_REGION) or E(OCI_CLI_REGION) are used, then the config profile.
      - Requests about an existing resource go to the region written in its OCID.
      - It must be a region the collection knows (those of the OCI SDK 2.189.0), so that a misspelt one fails at
        once. For a newer region, describe it in the environment variable E(OCI_REGION_METADATA) as the OCI SDK reads
        it (a JSON object with C(regionIdentifier) and C(realmDomainComponent)), or give O(endpoint).
    type: str
  tenancy:
    description:
      - OCID of the tenancy.
      - If not set, the environment variables E(OCI_TENANCY) or E(OCI_CLI_TENANCY) are used, then the config profile.
    type: str
  user:
    description:
      - OCID of the user the API key belongs to.
      - If not set, the environment variables E(OCI_USER_ID) or E(OCI_CLI_USER) are used, then the config profile.
    type: str
  fingerprint:
    description:
      - Fingerprint of the API key, 16 lower-case hexadecimal pairs separated by colons.
      - If not set, the environment variables E(OCI_USER_FINGERPRINT) or E(OCI_CLI_FINGERPRINT) are used, then the
        config profile.
    type: str
  key_file:
    description:
      - Path of the PEM private key of the API key (or of the session key with O(auth_type=security_token)).
      - If not set, the environment variables E(OCI_USER_KEY_FILE) or E(OCI_CLI_KEY_FILE) are used, then the
        config profile.
      - A key file readable by other users produces a warning.
    type: path
  key_content:
    description:
      - The PEM private key itself, instead of O(key_file).
      - If not set, the environment variables E(OCI_USER_KEY_CONTENT) or E(OCI_CLI_KEY_CONTENT) are used.
    type: str
  pass_phrase:
    description:
      - Pass phrase of an encrypted private key.
      - If not set, the environment variable E(OCI_USER_KEY_PASS_PHRASE) is used, then the config profile.
    type: str
  endpoint:
    description:
      - Base URL of the service, without the API version path, to use instead of the regional endpoint,
        for example V(http://127.0.0.1:8080) for the collection's local emulator.
      - If not set, the environment variable E(CLOUDAI_OCI_ENDPOINT) is used.
    type: str
notes:
  - The collection signs requests itself; the OCI Python SDK is not needed.
requirements:
  - requests
  - cryptography
'''

    TAGS = r'''
options:
  freeform_tags:
    description:
      - Free-form tags, as a dictionary of string keys and values. Keys are sent and returned as given.
    type: dict
  defined_tags:
    description:
      - Defined tags, as a dictionary of tag namespaces, each a dictionary of keys and values.
    type: dict
  purge_tags:
    description:
      - When V(true), O(freeform_tags) and O(defined_tags) are the exact set of tags; tags not listed are removed.
      - When V(false), the given tags are added or updated and the others are kept.
      - Tags the service adds itself (the C(Oracle-Tags) namespace) are never removed.
      - Tag options that are not given are not managed.
    type: bool
    default: true
'''

    GROUP = r'''
attributes:
  action_group:
    description: Use C(group/cloudai.control.oci) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - cloudai.control.oci
'''
