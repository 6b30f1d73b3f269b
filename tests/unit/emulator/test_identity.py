"""Instance principals: IMDS v2 and the X.509 federation endpoint, then calls signed with the session token."""

import base64
import json

import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from emulator.config import TEST_COMPARTMENT, TEST_TENANCY
from emulator.testing import OciClient, oci_signature_headers

IMDS_HEADERS = {'Authorization': 'Bearer Oracle'}
FEDERATION_HEADERS = ['date', '(request-target)', 'content-length', 'content-type', 'x-content-sha256']


def strip_pem(pem):
    return ''.join(line for line in pem.splitlines() if line and not line.startswith('-----'))


def imds(emulator, name):
    response = requests.get(emulator.url + '/opc/v2/' + name, headers=IMDS_HEADERS)
    assert response.status_code == 200, response.text
    return response.text


def federate(emulator, session_key, signing_key=None):
    """POST /v1/x509 the way the SDK's instance-principal signer does (auth doc A.7)."""
    cert_pem = imds(emulator, 'identity/cert.pem')
    certificate = x509.load_pem_x509_certificate(cert_pem.encode('ascii'))
    leaf_key = signing_key or serialization.load_pem_private_key(imds(emulator, 'identity/key.pem').encode('ascii'), password=None)
    tenancy = [attribute.value[len('opc-tenant:'):] for attribute in certificate.subject if attribute.value.startswith('opc-tenant:')][0]
    fingerprint = ':'.join('%02X' % byte for byte in certificate.fingerprint(hashes.SHA1()))
    session_public = session_key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    body = json.dumps({'certificate': strip_pem(cert_pem), 'publicKey': strip_pem(session_public.decode('ascii')),
                       'intermediateCertificates': [strip_pem(imds(emulator, 'identity/intermediate.pem'))]}).encode('utf-8')
    url = emulator.url + '/v1/x509'
    headers = oci_signature_headers('POST', url, body, '%s/fed-x509/%s' % (tenancy, fingerprint), leaf_key, header_names=FEDERATION_HEADERS)
    return requests.post(url, data=body, headers=headers)


def jwt_claims(token):
    payload = token.split('.')[1]
    return json.loads(base64.urlsafe_b64decode(payload + '=' * (-len(payload) % 4)))


def test_imds_requires_the_oracle_bearer_header(emulator):
    assert requests.get(emulator.url + '/opc/v2/instance/region').status_code == 401
    assert imds(emulator, 'instance/region') == 'us-chicago-1'
    certificate = x509.load_pem_x509_certificate(imds(emulator, 'identity/cert.pem').encode('ascii'))
    subject_values = [attribute.value for attribute in certificate.subject]
    assert 'opc-tenant:' + TEST_TENANCY in subject_values
    assert any(value.startswith('opc-instance:ocid1.instance.oc1.us-chicago-1.') for value in subject_values)
    intermediate = x509.load_pem_x509_certificate(imds(emulator, 'identity/intermediate.pem').encode('ascii'))
    assert certificate.issuer == intermediate.subject
    leaf_key = serialization.load_pem_private_key(imds(emulator, 'identity/key.pem').encode('ascii'), password=None)
    assert leaf_key.public_key().public_numbers() == certificate.public_key().public_numbers()
    assert requests.get(emulator.url + '/opc/v2/instance/nothing', headers=IMDS_HEADERS).status_code == 404


def test_federation_issues_a_session_token_that_signs_service_calls(emulator, admin):
    session_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    response = federate(emulator, session_key)
    assert response.status_code == 200, response.text
    token = response.json()['token']
    claims = jwt_claims(token)
    assert claims['tenant'] == TEST_TENANCY and claims['exp'] - claims['iat'] == 3600

    client = OciClient(emulator.url, key_id='ST$' + token, private_key=session_key)
    assert client.get('/20231130/dedicatedAiClusters', params={'compartmentId': TEST_COMPARTMENT}).status_code == 200
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    wrong = OciClient(emulator.url, key_id='ST$' + token, private_key=other_key)
    assert wrong.get('/20231130/dedicatedAiClusters', params={'compartmentId': TEST_COMPARTMENT}).status_code == 401

    admin.put('/settings', {'session_token_ttl': 0})
    expired_token = federate(emulator, session_key).json()['token']
    expired = OciClient(emulator.url, key_id='ST$' + expired_token, private_key=session_key)
    response = expired.get('/20231130/dedicatedAiClusters', params={'compartmentId': TEST_COMPARTMENT})
    assert response.status_code == 401 and 'expired' in response.json()['message']
    assert expired_token not in response.text

    services = [(entry['service'], entry['method'], entry['path'], entry['mutating']) for entry in admin.requests_log()]
    assert ('federation', 'POST', '/v1/x509', False) in services
    assert ('imds', 'GET', '/opc/v2/identity/cert.pem', False) in services


def test_federation_rejects_other_signers(emulator):
    session_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    response = federate(emulator, session_key, signing_key=session_key)
    assert response.status_code == 401 and response.json()['code'] == 'NotAuthenticated'
    unsigned = requests.post(emulator.url + '/v1/x509', json={})
    assert unsigned.status_code == 401
