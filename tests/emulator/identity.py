"""OCI identity pieces: which key verifies a keyId, the instance metadata service (IMDS v2) and the
X.509 federation endpoint that turns an instance certificate into a session token (auth doc A.7).

The CA and instance certificates are generated on first use (RSA key generation costs ~0.1 s and most
test runs never need them) and survive `reset`; issued session tokens are state and do not.
"""

import base64
import datetime
import json
import time
import uuid

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.serialization import load_der_public_key
from cryptography.x509.oid import NameOID

from . import oci_signature
from .oci_common import OciError, json_object, new_ocid
from .router import Router
from .wire import Response, json_response, new_request_id

FEDERATION_PATH = '/v1/x509'
IMDS_PREFIX = '/opc/v2'
FEDERATION_HEADERS = ('date', '(request-target)', 'content-length', 'content-type', 'x-content-sha256')


def _b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b'=').decode('ascii')


def _strip_pem(pem_text):
    """PEM -> the base64 body on one line (the form the federation request carries)."""
    return ''.join(line for line in pem_text.splitlines() if line and not line.startswith('-----'))


class InstanceMaterial:
    """A CA, an instance (leaf) certificate signed by it, and their keys."""

    def __init__(self, tenancy, compartment_id, instance_id):
        self.tenancy = tenancy
        self.instance_id = instance_id
        now = datetime.datetime.now(datetime.timezone.utc)
        self.ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, 'PKISVC Identity Intermediate (emulator)')])
        self.ca_cert = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
                        .public_key(self.ca_key.public_key()).serial_number(x509.random_serial_number())
                        .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=365))
                        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
                        .sign(self.ca_key, hashes.SHA256()))
        self.leaf_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        leaf_name = x509.Name([
            x509.NameAttribute(NameOID.COMMON_NAME, 'emulated-instance'),  # an OCID is longer than a CN may be
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, 'opc-certtype:instance'),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, 'opc-compartment:' + compartment_id),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, 'opc-instance:' + instance_id),
            x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, 'opc-tenant:' + tenancy),
        ])
        self.leaf_cert = (x509.CertificateBuilder().subject_name(leaf_name).issuer_name(ca_name)
                          .public_key(self.leaf_key.public_key()).serial_number(x509.random_serial_number())
                          .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=30))
                          .sign(self.ca_key, hashes.SHA256()))
        self.leaf_fingerprint = ':'.join('%02X' % byte for byte in self.leaf_cert.fingerprint(hashes.SHA1()))
        self.federation_key_id = '%s/fed-x509/%s' % (tenancy, self.leaf_fingerprint)
        pem = serialization.Encoding.PEM
        self.leaf_pem = self.leaf_cert.public_bytes(pem).decode('ascii')
        self.intermediate_pem = self.ca_cert.public_bytes(pem).decode('ascii')
        self.leaf_key_pem = self.leaf_key.private_bytes(pem, serialization.PrivateFormat.TraditionalOpenSSL,
                                                        serialization.NoEncryption()).decode('ascii')

    def sign_jwt(self, claims):
        header = _b64url(json.dumps({'alg': 'RS256', 'typ': 'JWT', 'kid': 'asw'}).encode('utf-8'))
        payload = _b64url(json.dumps(claims).encode('utf-8'))
        signed = ('%s.%s' % (header, payload)).encode('ascii')
        return '%s.%s' % (signed.decode('ascii'), _b64url(self.ca_key.sign(signed, padding.PKCS1v15(), hashes.SHA256())))


class Identity:

    def __init__(self, emulator):
        self.emulator = emulator
        self._material = None
        self.imds_router = Router()
        self.imds_router.add('GET', '/instance/region', self._region)
        self.imds_router.add('GET', '/identity/cert.pem', lambda: self.material.leaf_pem)
        self.imds_router.add('GET', '/identity/key.pem', lambda: self.material.leaf_key_pem)
        self.imds_router.add('GET', '/identity/intermediate.pem', lambda: self.material.intermediate_pem)

    @property
    def material(self):
        if self._material is None:
            config = self.emulator.config
            self._material = InstanceMaterial(config.tenancy, config.compartment_id, new_ocid('instance', config.region))
        return self._material

    def _region(self):
        return self.emulator.config.region

    # ---- keys ------------------------------------------------------------------------------

    def lookup_service_key(self, key_id):
        """Public key for a service request's keyId: a configured API key or an issued session token."""
        if key_id in self.emulator.config.oci_keys:
            return self.emulator.config.oci_keys[key_id]
        if key_id.startswith('ST$'):
            session = self.emulator.store.session_keys.get(key_id[3:])
            if session is None:
                raise oci_signature.SignatureError('the session token is not one this emulator issued (or it was reset)')
            public_key, expires = session
            if time.time() >= expires:
                raise oci_signature.SignatureError('the session token has expired')
            return public_key
        raise oci_signature.SignatureError('no key is registered for keyId %s' % key_id)

    def _lookup_federation_key(self, key_id):
        if key_id != self.material.federation_key_id:
            raise oci_signature.SignatureError('keyId %s is not {tenancy}/fed-x509/{SHA-1 fingerprint of the instance certificate}' % key_id)
        return self.material.leaf_cert.public_key()

    # ---- IMDS ------------------------------------------------------------------------------

    def handle_imds(self, request):
        request_id = new_request_id()
        if request.header('authorization') != 'Bearer Oracle':
            return OciError(401, 'NotAuthenticated', 'IMDS v2 requires the header "Authorization: Bearer Oracle".').response(
                {'opc-request-id': request_id})
        handler, _params = self.imds_router.match(request.method, request.path[len(IMDS_PREFIX):])
        if handler is None:
            return OciError(404, 'NotFound', 'No metadata at %s.' % request.path).response({'opc-request-id': request_id})
        return Response(200, handler().encode('ascii'), {'Content-Type': 'text/plain', 'opc-request-id': request_id})

    # ---- federation ------------------------------------------------------------------------

    def handle_federation(self, request):
        request_id = request.header('opc-request-id') or new_request_id()
        try:
            response = self._federate(request)
        except OciError as err:
            response = err.response()
        response.headers['opc-request-id'] = request_id
        return response

    def _federate(self, request):
        if request.method != 'POST':
            raise OciError(404, 'NotAuthorizedOrNotFound', 'Only POST %s exists.' % FEDERATION_PATH)
        try:
            oci_signature.verify(request, self._lookup_federation_key, time.time(), required=FEDERATION_HEADERS)
        except oci_signature.SignatureError as err:
            raise OciError(401, 'NotAuthenticated', 'Federation request not authenticated: %s.' % err)
        body = json_object(request)
        if body.get('certificate') != _strip_pem(self.material.leaf_pem):
            raise OciError(401, 'NotAuthenticated', 'The certificate in the body is not the instance certificate that signed the request.')
        try:
            session_key = load_der_public_key(base64.b64decode(body.get('publicKey') or ''))
        except ValueError:
            raise OciError(400, 'InvalidParameter', 'publicKey must be a base64 DER SubjectPublicKeyInfo (PEM without armour).')
        issued = int(time.time())
        expires = issued + int(self.emulator.settings.session_token_ttl)
        token = self.material.sign_jwt({
            'sub': self.material.instance_id, 'tenant': self.material.tenancy, 'ptype': 'instance',
            'iss': 'authService.oracle.com', 'aud': 'oci', 'iat': issued, 'exp': expires, 'jti': str(uuid.uuid4()),
        })
        self.emulator.store.session_keys[token] = (session_key, expires)
        return json_response(200, {'token': token})

    def fault_response(self, request, status, retry_after=None):
        headers = {'opc-request-id': new_request_id()}
        if retry_after is not None:
            headers['Retry-After'] = str(retry_after)
        return OciError(status, 'TooManyRequests' if status == 429 else 'InternalServerError', 'Injected fault (emulator).').response(headers)
