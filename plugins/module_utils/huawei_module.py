# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Huawei Cloud for cloud_module: common options (with the Huawei SDK's environment variable names), id checks,
and the signed DataArts Fabric client."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cloudai.control.plugins.module_utils.cloud_module import CONNECTION_ARGS, Cloud, env
from ansible_collections.cloudai.control.plugins.module_utils.huawei_client import RESOURCE_ID


HUAWEI_COMMON_ARGS = dict(
    CONNECTION_ARGS,
    region=dict(type="str", fallback=env("HUAWEICLOUD_SDK_REGION")),
    project_id=dict(type="str", fallback=env("HUAWEICLOUD_SDK_PROJECT_ID")),
    ak=dict(type="str", no_log=True, fallback=env("HUAWEICLOUD_SDK_AK")),
    sk=dict(type="str", no_log=True, fallback=env("HUAWEICLOUD_SDK_SK")),
    security_token=dict(type="str", no_log=True, fallback=env("HUAWEICLOUD_SDK_SECURITY_TOKEN")),
    auth_token=dict(type="str", no_log=True, fallback=env("HUAWEICLOUD_SDK_AUTH_TOKEN")),
    endpoint=dict(type="str", fallback=env("CLOUDAI_HUAWEICLOUD_ENDPOINT")),
)


def check_resource_id(value, option, spec):
    if not RESOURCE_ID.match(value or ""):
        return "%s must be 1-64 letters, digits and '-' (a Huawei Cloud resource id), got %r" % (option, value)
    return None


def connect(params, transport, companion=False):
    """The client of DataArts Fabric, or (``companion``) of its companion service DataArtsFabricEp (job runs, service
    instances): another endpoint, the same signing."""
    from ansible_collections.cloudai.control.plugins.module_utils.huawei_auth import (
        FABRIC_EP_SERVICE, FABRIC_SERVICE, build_huawei_signer, resolve_huawei_settings,
    )
    from ansible_collections.cloudai.control.plugins.module_utils.huawei_client import HuaweiClient

    settings = resolve_huawei_settings(params, FABRIC_EP_SERVICE if companion else FABRIC_SERVICE)
    client = HuaweiClient(transport(build_huawei_signer(settings)), settings["endpoint"], path_params=params)
    return client, []


def connect_companion(params, transport):
    return connect(params, transport, companion=True)


HUAWEI = Cloud(HUAWEI_COMMON_ARGS, {}, check_resource_id, connect)
FABRIC_EP = Cloud(HUAWEI_COMMON_ARGS, {}, check_resource_id, connect_companion)
