# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Messages a new user meets before any request: articles, OCID types of ids, misspelt regions, no credentials."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import contextlib
import io
import json
import os
import time

import pytest
from ansible.module_utils.testing import patch_module_args

KEY_FILE = os.path.join(os.path.dirname(__file__), "..", "..", "..", "emulator", "credentials", "oci_api_key.pem")
OCI = dict(tenancy="ocid1.tenancy.oc1..aaaaaaaatenancy", user="ocid1.user.oc1..aaaaaaaauser",
           fingerprint="d6:2a:52:5a:cc:41:13:d0:62:00:29:42:8a:e9:cd:1e", key_file=KEY_FILE, region="us-chicago-1")
HUAWEI = dict(ak="AKEXAMPLE", sk="SKEXAMPLE", project_id="0123456789abcdef0123456789abcdef", region="cn-north-4")
COMPARTMENT = "ocid1.compartment.oc1..aaaaaaaacompartment"
CLUSTER = "ocid1.generativeaidedicatedaicluster.oc1.us-chicago-1.aaaaaaaacluster"


def failure(name, args):
    main = __import__("ansible_collections.cloudai.control.plugins.modules." + name, fromlist=["main"]).main
    out = io.StringIO()
    with patch_module_args(args), contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        main()
    result = json.loads(out.getvalue())
    assert result.get("failed"), result
    return result["msg"]


@pytest.fixture(autouse=True)
def no_settings_from_the_environment(monkeypatch, tmp_path):
    for name in list(os.environ):
        if name.startswith(("OCI_", "HUAWEICLOUD_", "CLOUDAI_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("HOME", str(tmp_path))


def test_articles():
    assert "no way to look an image job up by display_name" in failure("vision_image_job", dict(
        OCI, state="absent", compartment_id=COMPARTMENT, display_name="job"))
    assert "freeform_tags.team must be a string, got an int" in failure("vision_project", dict(
        OCI, compartment_id=COMPARTMENT, display_name="p", freeform_tags={"team": 1}))


def test_an_endpoint_model_id_must_be_a_model():
    msg = failure("genai_endpoint", dict(OCI, compartment_id=COMPARTMENT, display_name="e", model_id=CLUSTER,
                                         dedicated_ai_cluster_id=CLUSTER))
    assert msg == ("model_id must be an OCID of type generativeaimodel or generativeaiimportedmodel, got one of type "
                   "generativeaidedicatedaicluster")


@pytest.mark.parametrize("name, args, words", [
    ("genai_dedicated_ai_cluster_info", dict(OCI, compartment_id=COMPARTMENT, region="us-chicgo-1"),
     "region 'us-chicgo-1' (option region) is not an OCI region (did you mean us-chicago-1?)"),
    ("fabric_workspace_info", dict(HUAWEI, region="cn-nort-4"),
     "Option region 'cn-nort-4' is not a Huawei Cloud region (did you mean cn-north-4?)"),
])
def test_a_misspelt_region_is_refused_at_once(name, args, words):
    start = time.monotonic()
    assert words in failure(name, args)
    assert time.monotonic() - start < 5  # no request, no retries of a name that does not resolve


def test_no_oci_credentials_at_all():
    msg = failure("genai_dedicated_ai_cluster_info", dict(compartment_id=COMPARTMENT))
    assert msg.startswith("no OCI credentials found for auth_type api_key: region, tenancy, user, fingerprint and "
                          "key_file are missing")
