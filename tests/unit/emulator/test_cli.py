"""Running the emulator: `python -m emulator` (port file, config file, loopback only, SIGTERM) and HTTPS."""

import datetime
import ipaddress
import json
import os
import signal
import subprocess
import sys
import time

import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from emulator import start_emulator
from emulator.testing import HuaweiClient, OciClient

TESTS_DIR = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))


def run_emulator(*args):
    return subprocess.Popen([sys.executable, '-m', 'emulator'] + list(args), cwd=TESTS_DIR,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_file(path, process, timeout=10):
    deadline = time.time() + timeout
    while not os.path.exists(path):
        assert process.poll() is None, process.communicate()
        assert time.time() < deadline, 'emulator did not start'
        time.sleep(0.05)
    with open(path) as port_file:
        return int(port_file.read())


def test_runs_until_sigterm_with_a_config_file(tmp_path):
    config = tmp_path / 'config.json'
    config.write_text(json.dumps({'huawei': {'credentials': {'EXTRAAK': 'extra-secret'}, 'tokens': ['only-token']}}))
    port_file = str(tmp_path / 'port')
    process = run_emulator('--port', '0', '--port-file', port_file, '--config', str(config), '--delay', '0.5')
    try:
        port = wait_for_file(port_file, process)
        url = 'http://127.0.0.1:%d' % port
        assert requests.get(url + '/_emulator/health').json()['status'] == 'ok'
        assert requests.get(url + '/_emulator/settings').json()['delay'] == 0.5
        assert HuaweiClient(url, ak='EXTRAAK', sk='extra-secret').request('GET', '/v1/base-models').status_code == 200
        assert HuaweiClient(url).request('GET', '/v1/base-models').status_code == 200
        token_headers = {'X-Project-Id': '0123456789abcdef0123456789abcdef'}
        assert requests.get(url + '/v1/base-models', headers=dict(token_headers, **{'X-Auth-Token': 'only-token'})).status_code == 200
        assert requests.get(url + '/v1/base-models', headers=dict(token_headers, **{'X-Auth-Token': 'test-iam-token'})).status_code == 401
    finally:
        process.send_signal(signal.SIGTERM)
        stdout, _stderr = process.communicate(timeout=10)
    assert process.returncode == 0
    assert stdout.startswith('emulator listening on http://127.0.0.1:%d' % port)


def test_refuses_non_loopback_hosts():
    process = run_emulator('--host', '0.0.0.0')
    _stdout, stderr = process.communicate(timeout=10)
    assert process.returncode == 2 and 'loopback' in stderr


def test_serves_https_with_the_given_certificate(tmp_path):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, '127.0.0.1')])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                   .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
                   .not_valid_after(now + datetime.timedelta(hours=1))
                   .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address('127.0.0.1'))]), critical=False)
                   .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                   .sign(key, hashes.SHA256()))
    cert_file, key_file = tmp_path / 'cert.pem', tmp_path / 'key.pem'
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    with start_emulator(tls_cert=str(cert_file), tls_key=str(key_file)) as handle:
        assert handle.url.startswith('https://127.0.0.1:')
        assert requests.get(handle.url + '/_emulator/health', verify=str(cert_file)).json()['status'] == 'ok'
        client = OciClient(handle.url, verify=str(cert_file))
        assert client.get('/20231130/dedicatedAiClusters', params={'compartmentId': 'c'}).status_code == 200


def test_dev_py_emulator_says_its_url_once_and_how_to_put_objects():
    """`tools/dev.py emulator` prints what to export, the URL once, and how to seed Object Storage; SIGINT stops it."""
    dev = os.path.join(TESTS_DIR, '..', 'tools', 'dev.py')
    # the venv running this test, not a new one in the copy of the repository that the tests may run from
    process = subprocess.Popen([sys.executable, dev, 'emulator'], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               text=True, env=dict(os.environ, CLOUDAI_DEV_VENV=sys.prefix))
    lines = []
    try:
        for line in process.stdout:
            lines.append(line)
            if 'Ctrl-C stops the emulator' in line:
                break
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
    text = ''.join(lines)
    assert text.count('emulator listening on') == 1, text
    assert "export CLOUDAI_OCI_ENDPOINT='http://127.0.0.1:" in text and '/_emulator/objects' in text
