# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function

__metaclass__ = type


class ModuleDocFragment(object):
    # Authentication and connection options shared by every Huawei Cloud module.
    DOCUMENTATION = r'''
options:
  region:
    description:
      - Huawei Cloud region id, for example V(cn-north-4). Required unless O(endpoint) is given.
      - If not set, the environment variable E(HUAWEICLOUD_SDK_REGION) is used.
      - It must be a region the collection knows (those of the Huawei SDK core 3.1.219), so that a misspelt one
        fails at once. For a newer region, give O(endpoint) or the Huawei SDK's
        E(HUAWEICLOUD_SDK_REGION_DATAARTSFABRIC_<REGION>).
    type: str
  project_id:
    description:
      - Id of the project the resources belong to (sent as C(X-Project-Id)).
      - If not set, the environment variable E(HUAWEICLOUD_SDK_PROJECT_ID) is used.
    type: str
  ak:
    description:
      - Access key id for AK/SK request signing (C(SDK-HMAC-SHA256)). Give O(ak) and O(sk), or O(auth_token).
      - If not set, the environment variable E(HUAWEICLOUD_SDK_AK) is used.
    type: str
  sk:
    description:
      - Secret access key for AK/SK request signing.
      - If not set, the environment variable E(HUAWEICLOUD_SDK_SK) is used.
    type: str
  security_token:
    description:
      - Security token of temporary AK/SK credentials.
      - If not set, the environment variable E(HUAWEICLOUD_SDK_SECURITY_TOKEN) is used.
    type: str
  auth_token:
    description:
      - IAM token, sent as C(X-Auth-Token), instead of AK/SK signing.
      - If not set, the environment variable E(HUAWEICLOUD_SDK_AUTH_TOKEN) is used.
    type: str
  endpoint:
    description:
      - Base URL of the DataArts Fabric service, for example V(http://127.0.0.1:8080) for the collection's
        local emulator.
      - If not set, the environment variable E(CLOUDAI_HUAWEICLOUD_ENDPOINT) is used, then the Huawei SDK's
        E(HUAWEICLOUD_SDK_REGION_DATAARTSFABRIC_<REGION>) (for example
        E(HUAWEICLOUD_SDK_REGION_DATAARTSFABRIC_CN_NORTH_4)), then C(https://fabric.<region>.myhuaweicloud.com).
    type: str
notes:
  - The collection signs requests itself; the Huawei Cloud Python SDK is not needed.
requirements:
  - requests
'''

    GROUP = r'''
attributes:
  action_group:
    description: Use C(group/cloudai.control.huaweicloud) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - cloudai.control.huaweicloud
'''
