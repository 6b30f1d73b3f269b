"""Start-up configuration (credentials the emulator accepts) and run-time settings."""

import functools
import hashlib
import json
import os
import pwd
import tempfile

from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import (
    Encoding, NoEncryption, PrivateFormat, PublicFormat, load_pem_private_key, load_pem_public_key,
)

# Throw-away test identities, the same as in the signing vectors.
TEST_TENANCY = 'ocid1.tenancy.oc1..aaaaaaaatesttenancy0000000000000000000000000000000000000000'
TEST_USER = 'ocid1.user.oc1..aaaaaaaatestuser000000000000000000000000000000000000000000000'
TEST_COMPARTMENT = 'ocid1.compartment.oc1..aaaaaaaatestcompartment000000000000000000000000000000000000'
TEST_REGION = 'us-chicago-1'
TEST_HUAWEI_AK = 'TESTAK0123456789ABCD'
TEST_HUAWEI_SK = 'testSecretKey0123456789abcdefghijklmnopqr'
TEST_HUAWEI_PROJECT = '0123456789abcdef0123456789abcdef'
TEST_HUAWEI_TOKENS = ('test-iam-token',)

# outcomes `next_outcome` may inject, per resource kind (only clusters have a NEEDS_ATTENTION state)
OUTCOMES = {
    'DedicatedAiCluster': ('FAILED', 'NEEDS_ATTENTION'),
    'Endpoint': ('FAILED',),
    'Model': ('FAILED',),
    'ImportedModel': ('FAILED',),
    'FabricEndpoint': ('FAILED',),  # DataArts Fabric: its next create, update or delete ends *_FAILED
    'FabricJobRun': ('FAILED',),  # the next run fails
    'FabricServiceInstance': ('FAILED',),  # the next deploy or update ends FAILED
    'VisionProject': ('FAILED',),
    'VisionModel': ('FAILED',),
    'ImageJob': ('FAILED',),
    'DocumentJob': ('FAILED',),
    'VideoJob': ('FAILED',),
}


def oci_fingerprint(public_key):
    """MD5 of the DER SubjectPublicKeyInfo, lower-case hex pairs joined by ':'."""
    der = public_key.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    return ':'.join('%02x' % byte for byte in hashlib.md5(der).digest())


def ensure_test_key():
    """The test user's private key: generated on first use into the user's cache, never shipped. Its path does not
    depend on HOME (tests change it), so the emulator and every test process of the user share one key."""
    path = os.path.join(pwd.getpwuid(os.getuid()).pw_dir, '.cache', 'cloudai-control', 'emulator_oci_api_key.pem')
    if not os.path.exists(path):
        os.makedirs(os.path.dirname(path), mode=0o700, exist_ok=True)
        pem = rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
            Encoding.PEM, PrivateFormat.TraditionalOpenSSL, NoEncryption())
        handle, temporary = tempfile.mkstemp(dir=os.path.dirname(path))
        with os.fdopen(handle, 'wb') as key_file:
            key_file.write(pem)
        try:
            os.link(temporary, path)  # atomic, and never replaces the key another process made meanwhile
        except FileExistsError:
            pass
        finally:
            os.unlink(temporary)
    return path


TEST_KEY_FILE = ensure_test_key()


@functools.lru_cache(maxsize=None)
def _test_public_key():
    with open(TEST_KEY_FILE, 'rb') as key_file:
        return load_pem_private_key(key_file.read(), password=None).public_key()


TEST_FINGERPRINT = oci_fingerprint(_test_public_key())


def _only_keys(section, name, allowed):
    if not isinstance(section, dict):
        raise ValueError('config section %r must be an object' % name)
    unknown = sorted(set(section) - set(allowed))
    if unknown:
        raise ValueError('unknown keys in config section %r: %s' % (name, ', '.join(unknown)))


class EmulatorConfig:
    """What the emulator trusts. Defaults are the test credentials; a JSON config adds to them.

    `{"oci": {"keys": {"<keyId>": "<PEM public key>"}, "tenancy": .., "compartment_id": .., "region": ..},
      "huawei": {"credentials": {"AK": "SK"}, "tokens": [..], "project_id": ".."}}`
    OCI keys and Huawei credentials are added to the defaults; tokens and project id replace them.
    """

    def __init__(self, data=None):
        data = data or {}
        _only_keys(data, 'top level', ('oci', 'huawei'))
        oci = data.get('oci', {})
        huawei = data.get('huawei', {})
        _only_keys(oci, 'oci', ('keys', 'tenancy', 'compartment_id', 'region'))
        _only_keys(huawei, 'huawei', ('credentials', 'tokens', 'project_id'))

        self.tenancy = oci.get('tenancy', TEST_TENANCY)
        self.compartment_id = oci.get('compartment_id', TEST_COMPARTMENT)
        self.region = oci.get('region', TEST_REGION)
        test_key = _test_public_key()
        self.test_key_id = '%s/%s/%s' % (TEST_TENANCY, TEST_USER, oci_fingerprint(test_key))
        self.oci_keys = {self.test_key_id: test_key}
        for key_id, pem in oci.get('keys', {}).items():
            self.oci_keys[key_id] = load_pem_public_key(pem.encode('ascii'))

        self.huawei_credentials = {TEST_HUAWEI_AK: TEST_HUAWEI_SK}
        self.huawei_credentials.update(huawei.get('credentials', {}))
        self.huawei_tokens = list(huawei.get('tokens', TEST_HUAWEI_TOKENS))
        self.huawei_project_id = huawei.get('project_id', TEST_HUAWEI_PROJECT)


def load_config(source):
    """`source` is None, a dict, or the path of a JSON file."""
    if source is None or isinstance(source, dict):
        return EmulatorConfig(source)
    with open(source, 'r') as config_file:
        return EmulatorConfig(json.load(config_file))


class Settings:
    """Run-time knobs changed through `PUT /_emulator/settings`.

    `delay`: emulated seconds a lifecycle transition / work request takes; `time_scale`: clock speed;
    `next_outcome`: {kind: outcome} (see OUTCOMES) for the next create or asynchronous update of that kind;
    `session_token_ttl`: lifetime in seconds of tokens issued by the federation endpoint;
    `page_size`: at most this many items in a list page whatever `limit` asked (null: `limit`), as a real service
    may serve; `omit_total`: DataArts Fabric lists leave out `total`.
    """

    def __init__(self, delay=1.0, time_scale=1.0):
        self.delay = float(delay)
        self.time_scale = float(time_scale)
        self.next_outcome = {}
        self.session_token_ttl = 3600
        self.page_size = None
        self.omit_total = False

    def update(self, changes):
        """Validate everything first, then apply; raises ValueError."""
        if not isinstance(changes, dict):
            raise ValueError('settings must be an object')
        unknown = sorted(set(changes) - {'delay', 'time_scale', 'next_outcome', 'session_token_ttl', 'page_size', 'omit_total'})
        if unknown:
            raise ValueError('unknown settings: %s' % ', '.join(unknown))
        for name in ('delay', 'time_scale', 'session_token_ttl'):
            if name in changes and (not isinstance(changes[name], (int, float)) or changes[name] < 0):
                raise ValueError('%s must be a non-negative number' % name)
        if 'time_scale' in changes and changes['time_scale'] == 0:
            raise ValueError('time_scale must be positive')
        page_size = changes.get('page_size')
        if page_size is not None and (isinstance(page_size, bool) or not isinstance(page_size, int) or page_size < 1):
            raise ValueError('page_size must be a positive integer or null')
        if not isinstance(changes.get('omit_total', False), bool):
            raise ValueError('omit_total must be true or false')
        outcomes = changes.get('next_outcome', {})
        if not isinstance(outcomes, dict):
            raise ValueError('next_outcome must be an object')
        for kind, outcome in outcomes.items():
            if kind not in OUTCOMES or outcome not in OUTCOMES[kind] + (None,):
                raise ValueError('next_outcome maps a kind to an outcome (or null): %s'
                                 % '; '.join('%s: %s' % (name, '|'.join(allowed)) for name, allowed in sorted(OUTCOMES.items())))
        self.delay = float(changes.get('delay', self.delay))
        self.time_scale = float(changes.get('time_scale', self.time_scale))
        self.session_token_ttl = changes.get('session_token_ttl', self.session_token_ttl)
        self.page_size = changes.get('page_size', self.page_size)
        self.omit_total = changes.get('omit_total', self.omit_total)
        for kind, outcome in outcomes.items():
            if outcome is None:
                self.next_outcome.pop(kind, None)
            else:
                self.next_outcome[kind] = outcome

    def take_outcome(self, kind):
        """The outcome set for the next create/update of `kind` (consumed), or None."""
        return self.next_outcome.pop(kind, None)

    def describe(self):
        return {'delay': self.delay, 'time_scale': self.time_scale, 'next_outcome': dict(self.next_outcome),
                'session_token_ttl': self.session_token_ttl, 'page_size': self.page_size, 'omit_total': self.omit_total}
