"""Signature verification: the official vectors pass, and every kind of bad request gets a clear 401."""

import email.message
import json
import os
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import load_pem_private_key

from emulator import huawei_signature, oci_signature
from emulator.testing import TEST_KEY_ID, HuaweiClient, OciClient
from emulator.wire import Request

TESTDATA = os.path.join(os.path.dirname(__file__), '..', 'plugins', 'module_utils', 'testdata')
VECTORS_FILE = os.path.join(TESTDATA, 'signing_vectors.json')


def vector_public_key():
    """The vectors' own fixed key (the emulator's test key is generated on first use)."""
    with open(os.path.join(TESTDATA, 'oci_test_key.pem'), 'rb') as key_file:
        return load_pem_private_key(key_file.read(), password=None).public_key()


def load_vectors(service):
    if not os.path.exists(VECTORS_FILE):
        pytest.skip('signing vectors not present')
    with open(VECTORS_FILE) as vectors_file:
        return json.load(vectors_file)[service]


def request_from_vector(vector):
    parts = urlsplit(vector['url'])
    headers = email.message.Message()
    for name, value in vector['headers'].items():
        headers[name] = value
    body = (vector['body'] or '').encode('utf-8')
    return Request(vector['method'], parts.path + ('?' + parts.query if parts.query else ''), headers, body)


def test_oci_vectors_verify():
    vectors = load_vectors('oci')
    now = parsedate_to_datetime(vectors['date']).timestamp()
    public_key = vector_public_key()
    for vector in vectors['vectors']:
        request = request_from_vector(vector)
        assert oci_signature.verify(request, lambda key_id: public_key, now) == vector['key_id'], vector['name']
        assert oci_signature.signing_string(request, vector['signed_headers']) == vector['signing_string']


def test_oci_vector_with_changed_target_fails():
    vectors = load_vectors('oci')
    vector = vectors['vectors'][0]
    request = request_from_vector(dict(vector, url=vector['url'].replace('limit=10', 'limit=11')))
    public_key = vector_public_key()
    with pytest.raises(oci_signature.SignatureError, match='does not verify'):
        oci_signature.verify(request, lambda key_id: public_key, parsedate_to_datetime(vectors['date']).timestamp())


def test_huawei_vectors_verify():
    vectors = load_vectors('huawei')
    now = datetime.strptime(vectors['x_sdk_date'], '%Y%m%dT%H%M%SZ').replace(tzinfo=timezone.utc).timestamp()
    for vector in vectors['vectors']:
        request = request_from_vector(vector)
        signed = vector['headers']['Authorization'].split('SignedHeaders=')[1].split(',')[0].split(';')
        assert huawei_signature.canonical_request(request, signed) == vector['canonical_request'], vector['name']
        assert huawei_signature.verify(request, {vectors['ak']: vectors['sk']}, now) == vectors['ak']
        with pytest.raises(huawei_signature.SignatureError, match='does not match'):
            huawei_signature.verify(request, {vectors['ak']: vectors['sk'] + 'x'}, now)


def assert_not_authenticated(response, *fragments):
    assert response.status_code == 401
    body = response.json()
    assert set(body) == {'code', 'message'}
    assert body['code'] == 'NotAuthenticated'
    for fragment in fragments:
        assert fragment in body['message']
    assert response.headers['opc-request-id']
    return body['message']


def test_wrong_key_is_rejected_without_echoing_the_signature(emulator, compartment):
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    client = OciClient(emulator.url, private_key=other_key)
    response = client.get('/20231130/dedicatedAiClusters', params={'compartmentId': compartment}, headers={'opc-request-id': 'my-id'})
    message = assert_not_authenticated(response, 'does not verify', TEST_KEY_ID)
    signature = response.request.headers['authorization'].split('signature="')[1].split('"')[0]
    assert signature not in message and signature[:20] not in response.text
    assert response.headers['opc-request-id'] == 'my-id'


def test_unknown_key_id_and_missing_header(emulator, oci, compartment):
    client = OciClient(emulator.url, key_id='ocid1.tenancy.oc1..x/ocid1.user.oc1..y/00:11')
    assert_not_authenticated(client.get('/20231130/dedicatedAiClusters', params={'compartmentId': compartment}), 'no key is registered')
    unsigned = oci.session.get(emulator.url + '/20231130/dedicatedAiClusters')
    assert_not_authenticated(unsigned, 'no authorization header')


def test_post_must_sign_body_headers(oci, compartment):
    response = oci.post('/20231130/dedicatedAiClusters', {'compartmentId': compartment},
                        header_names=['date', '(request-target)', 'host'])
    assert_not_authenticated(response, 'content-length', 'x-content-sha256')


def test_body_must_match_its_hash(oci, compartment):
    response = oci.post('/20231130/dedicatedAiClusters', {'compartmentId': compartment}, headers={'x-content-sha256': 'AAAA'})
    assert_not_authenticated(response, 'x-content-sha256')


def test_date_skew(oci, compartment):
    response = oci.get('/20231130/dedicatedAiClusters', params={'compartmentId': compartment}, date='Mon, 06 Jan 2025 12:00:00 GMT')
    assert_not_authenticated(response, 'away from the server clock')


def test_session_token_keys_unknown_token_is_not_echoed(emulator, compartment):
    client = OciClient(emulator.url, key_id='ST$secret-token-value')
    response = client.get('/20231130/dedicatedAiClusters', params={'compartmentId': compartment})
    assert_not_authenticated(response, 'session token')
    assert 'secret-token-value' not in response.text


def huawei_error(response, status, code):
    assert response.status_code == status, response.text
    body = response.json()
    assert body['error_code'] == code and body['error_msg']
    assert response.headers['X-Request-Id']
    return body['error_msg']


def test_huawei_signature_accepted_and_rejected(emulator, huawei):
    assert huawei.request('GET', '/v1/base-models').status_code == 200
    wrong_sk = HuaweiClient(emulator.url, sk='not-the-secret')
    message = huawei_error(wrong_sk.request('GET', '/v1/base-models'), 401, 'APIG.1002')
    assert 'not-the-secret' not in message
    unknown_ak = HuaweiClient(emulator.url, ak='UNKNOWNAK')
    assert 'unknown access key' in huawei_error(unknown_ak.request('GET', '/v1/base-models'), 401, 'APIG.1002')
    stale = HuaweiClient(emulator.url, date='20250106T120000Z')
    assert 'X-Sdk-Date' in huawei_error(stale.request('GET', '/v1/base-models'), 401, 'APIG.1002')


def test_huawei_project_and_token(emulator, huawei):
    other_project = HuaweiClient(emulator.url, project_id='f' * 32)
    huawei_error(other_project.request('GET', '/v1/base-models'), 401, 'APIG.1002')
    url = emulator.url + '/v1/base-models'
    token_headers = {'X-Auth-Token': 'test-iam-token', 'X-Project-Id': '0123456789abcdef0123456789abcdef'}
    assert huawei.session.get(url, headers=token_headers).status_code == 200
    huawei_error(huawei.session.get(url, headers=dict(token_headers, **{'X-Auth-Token': 'bad'})), 401, 'APIG.1002')
    assert 'X-Project-Id' in huawei_error(huawei.session.get(url, headers={'X-Auth-Token': 'test-iam-token'}), 400, 'common.01000001')
    huawei_error(huawei.session.get(url), 401, 'APIG.1002')
