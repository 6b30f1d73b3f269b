"""Signing clients for tests that talk to the emulator (OCI API-key / session signatures, Huawei AK/SK, admin API).

They sign from the rules in api/auth-and-signing.md, independently of the emulator's verifiers.
Not used by the server itself; needs `requests`.
"""

import base64
import functools
import hashlib
import hmac
import json
from datetime import datetime, timezone
from email.utils import formatdate
from urllib.parse import quote, urlencode, urlsplit

import requests
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.serialization import load_pem_private_key

from .config import (
    TEST_FINGERPRINT, TEST_HUAWEI_AK, TEST_HUAWEI_PROJECT, TEST_HUAWEI_SK, TEST_KEY_FILE, TEST_REGION, TEST_TENANCY,
    TEST_USER,
)

TEST_KEY_ID = '%s/%s/%s' % (TEST_TENANCY, TEST_USER, TEST_FINGERPRINT)
# the official oci SDK's config for the test user, for the oracle tests
OCI_SDK_CONFIG = {'user': TEST_USER, 'tenancy': TEST_TENANCY, 'fingerprint': TEST_FINGERPRINT, 'key_file': TEST_KEY_FILE,
                  'region': TEST_REGION}
BODY_METHODS = ('POST', 'PUT', 'PATCH')


@functools.lru_cache(maxsize=None)
def load_test_key():
    with open(TEST_KEY_FILE, 'rb') as key_file:
        return load_pem_private_key(key_file.read(), password=None)


def oci_signature_headers(method, url, body, key_id, private_key, date=None, header_names=None):
    """The headers of an OCI-signed request (A.2-A.4)."""
    parts = urlsplit(url)
    target = parts.path + ('?' + parts.query if parts.query else '')
    headers = {'date': date or formatdate(usegmt=True), 'host': parts.netloc, 'content-type': 'application/json'}
    if method in BODY_METHODS:
        headers['content-length'] = str(len(body))
        headers['x-content-sha256'] = base64.b64encode(hashlib.sha256(body).digest()).decode('ascii')
        default_names = ['date', '(request-target)', 'host', 'content-length', 'content-type', 'x-content-sha256']
    else:
        default_names = ['date', '(request-target)', 'host']
    names = header_names or default_names
    values = dict(headers, **{'(request-target)': '%s %s' % (method.lower(), target)})
    signing_string = '\n'.join('%s: %s' % (name, values[name]) for name in names)
    signature = base64.b64encode(private_key.sign(signing_string.encode('ascii'), padding.PKCS1v15(), hashes.SHA256())).decode('ascii')
    headers['authorization'] = ('Signature algorithm="rsa-sha256",headers="%s",keyId="%s",signature="%s",version="1"'
                                % (' '.join(names), key_id, signature))
    return headers


class OciClient:
    """Minimal signed JSON client for the emulator's OCI paths."""

    def __init__(self, base_url, key_id=TEST_KEY_ID, private_key=None, verify=True):
        self.base_url = base_url
        self.key_id = key_id
        self.private_key = private_key or load_test_key()
        self.verify = verify
        self.session = requests.Session()

    def request(self, method, path, body=None, params=None, headers=None, raw_body=None, **sign_options):
        """Send a signed request; `body` is JSON-encoded unless `raw_body` (bytes) is given."""
        url = self.base_url + path + ('?' + urlencode(params) if params else '')
        data = raw_body if raw_body is not None else (json.dumps(body).encode('utf-8') if body is not None else b'')
        all_headers = oci_signature_headers(method, url, data, self.key_id, self.private_key, **sign_options)
        all_headers.update(headers or {})
        return self.session.request(method, url, data=data or None, headers=all_headers, verify=self.verify)

    def get(self, path, **kwargs):
        return self.request('GET', path, **kwargs)

    def post(self, path, body=None, **kwargs):
        return self.request('POST', path, body=body if body is not None else {}, **kwargs)

    def put(self, path, body, **kwargs):
        return self.request('PUT', path, body=body, **kwargs)

    def delete(self, path, **kwargs):
        return self.request('DELETE', path, **kwargs)


def huawei_signature_headers(method, url, body, ak=TEST_HUAWEI_AK, sk=TEST_HUAWEI_SK, project_id=TEST_HUAWEI_PROJECT, date=None):
    """The headers of an AK/SK-signed request (B.1-B.3)."""
    parts = urlsplit(url)
    headers = {'content-type': 'application/json', 'host': parts.netloc, 'x-project-id': project_id,
               'x-sdk-date': date or datetime.now(timezone.utc).strftime('%Y%m%dT%H%M%SZ')}
    names = sorted(headers)
    pairs = sorted(tuple(pair.split('=', 1)) for pair in parts.query.split('&') if pair)
    canonical = '\n'.join([
        method,
        parts.path.rstrip('/') + '/',
        '&'.join('%s=%s' % pair for pair in pairs),
        ''.join('%s:%s\n' % (name, headers[name]) for name in names),
        ';'.join(names),
        hashlib.sha256(body).hexdigest(),
    ])
    string_to_sign = 'SDK-HMAC-SHA256\n%s\n%s' % (headers['x-sdk-date'], hashlib.sha256(canonical.encode('utf-8')).hexdigest())
    signature = hmac.new(sk.encode('utf-8'), string_to_sign.encode('utf-8'), hashlib.sha256).hexdigest()
    headers['authorization'] = 'SDK-HMAC-SHA256 Access=%s, SignedHeaders=%s, Signature=%s' % (ak, ';'.join(names), signature)
    return headers


class HuaweiClient:
    """Minimal AK/SK-signed JSON client (query values must be URL-safe: they are sent as given)."""

    def __init__(self, base_url, **credentials):
        self.base_url = base_url
        self.credentials = credentials
        self.session = requests.Session()

    def request(self, method, path, body=None, params=None, headers=None):
        query = '&'.join('%s=%s' % (key, quote(str(value), safe='')) for key, value in (params or {}).items())
        url = self.base_url + path + ('?' + query if query else '')
        data = json.dumps(body).encode('utf-8') if body is not None else b''
        all_headers = huawei_signature_headers(method, url, data, **self.credentials)
        all_headers.update(headers or {})
        return self.session.request(method, url, data=data or None, headers=all_headers)


class AdminClient:
    """The unsigned admin API."""

    def __init__(self, base_url):
        self.base_url = base_url + '/_emulator'

    def get(self, path):
        response = requests.get(self.base_url + path)
        response.raise_for_status()
        return response.json()

    def put(self, path, body):
        response = requests.put(self.base_url + path, json=body)
        response.raise_for_status()
        return response.json()

    def call(self, method, path, body=None):
        """Any admin call; returns the `requests` response unchecked."""
        return requests.request(method, self.base_url + path, json=body)

    def requests_log(self, since=0):
        return self.get('/requests?since=%d' % since)['requests']
