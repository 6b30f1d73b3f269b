# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""OCI authentication: request signers, and the signer for resolved settings (oci_config.py resolves them).

Signing is HTTP Signature (draft-cavage) ``rsa-sha256`` as done by the ``oci`` SDK 2.189.0
(``oci/signer.py``, ``oci/auth/*``); the rules are written down in the project's
``api/auth-and-signing.md`` part A. Signers follow the collection's protocol:
``sign(method, url, headers, body)`` adds headers in place; ``refresh()`` where credentials expire.

``cryptography`` is imported only inside the functions that load keys or sign.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import base64
import email.utils
import hashlib
import json
import os
import time

from urllib.parse import urlsplit

from ansible_collections.cloudai.control.plugins.module_utils.errors import ConfigError
from ansible_collections.cloudai.control.plugins.module_utils.oci_regions import canonical_region, realm_domain

DEFAULT_METADATA_URL = "http://169.254.169.254/opc/v2"
METADATA_AUTHORIZATION = "Bearer Oracle"
EMPTY_BODY_SHA256 = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
TOKEN_REFRESH_MARGIN = 60  # seconds before the token's exp at which a new one is fetched

GENERIC_HEADERS = ("date", "(request-target)", "host")
BODY_HEADERS = ("content-length", "content-type", "x-content-sha256")
BODY_METHODS = ("POST", "PUT", "PATCH")


class OciAuthError(ConfigError):
    """Invalid OCI settings or a failure to authenticate. The message never contains a secret."""


# ---------------------------------------------------------------------------------------------------
# Request signing


def _find_header(headers, name):
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return None


def _replace_header(headers, name, value):
    for key in [key for key in headers if key.lower() == name]:
        del headers[key]
    headers[name] = value


def _default_header(headers, name, value):
    if _find_header(headers, name) is None:
        headers[name] = value


def signed_header_names(method, generic_headers=GENERIC_HEADERS):
    """The headers OCI signs for a method, in signing order."""
    return generic_headers + BODY_HEADERS if method.upper() in BODY_METHODS else generic_headers


def request_target(method, url):
    """``(request-target)`` value: lower-case method, path and query exactly as in the URL."""
    parts = urlsplit(url)
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    return "%s %s" % (method.lower(), target)


def signing_string(method, url, headers, header_names):
    """The text that is signed: one ``name: value`` line per signed header, no trailing newline.

    Header names in ``headers`` are matched case-insensitively.
    """
    lines = []
    for name in header_names:
        if name == "(request-target)":
            value = request_target(method, url)
        else:
            value = _find_header(headers, name)
            if value is None:
                raise OciAuthError("cannot sign the request: header %s is missing" % name)
        lines.append("%s: %s" % (name, value))
    return "\n".join(lines)


def authorization_header(key_id, header_names, signature):
    return 'Signature algorithm="rsa-sha256",headers="%s",keyId="%s",signature="%s",version="1"' % (
        " ".join(header_names), key_id, signature)


def load_private_key(pem, pass_phrase=None, source="the private key", trusted=False):
    """Load an RSA private key from PEM bytes (PKCS#1 or PKCS#8, optionally encrypted).

    ``source`` names the key in error messages (e.g. ``key_file /home/me/.oci/key.pem``). A ``trusted`` key (the
    user's own) skips OpenSSL's validation: ``check_rsa_numbers`` does the checks that matter instead.
    """
    import cryptography
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    if isinstance(pem, str):
        pem = pem.encode("utf-8")
    password = pass_phrase.encode("utf-8") if isinstance(pass_phrase, str) else pass_phrase
    encrypted = b"ENCRYPTED" in pem
    # Before cryptography 39 there is no way to skip the check (nor, on OpenSSL 1.1, a reason: it was fast).
    skip = trusted and int(cryptography.__version__.split(".")[0]) >= 39
    try:
        # Like the SDK, a pass phrase given for an unencrypted key is ignored.
        key = serialization.load_pem_private_key(pem.strip(), password if encrypted else None,
                                                 **({"unsafe_skip_rsa_key_validation": True} if skip else {}))
    except TypeError:
        raise OciAuthError("%s is encrypted: set pass_phrase" % source)
    except (ValueError, UnsupportedAlgorithm):
        if encrypted and password:
            raise OciAuthError("%s could not be decrypted: wrong pass_phrase" % source)
        raise OciAuthError("%s is not a valid PEM private key (PKCS#1 or PKCS#8)" % source)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise OciAuthError("%s is not an RSA key; OCI API keys are RSA" % source)
    if skip:
        check_rsa_numbers(key, source)
    return key


def check_rsa_numbers(key, source):
    """OpenSSL's consistency check of an RSA private key, except its primality tests of p and q; raises OciAuthError.

    Why the user's own key is checked this way (see docs/reliability.md): with OpenSSL 3, cryptography's check on
    loading spends tens of milliseconds on primality tests of p and q, and the controller runs every task in a new
    worker, so every OCI task paid it again. What that check protects against is a key from someone else: OpenSSL
    may loop or crash on an inconsistent key. The key here is the user's own (key_file, key_content, the session
    key of a security token), trusted like the playbook; and these checks, microseconds of integer arithmetic,
    still refuse any key whose numbers are inconsistent, which is what could make OpenSSL misbehave. A factor that is
    not prime is caught by the signer instead, which verifies each signature with the public key before the request
    is sent (a wrong signature could reveal a factor). Keys from a service (the instance metadata service's) keep
    OpenSSL's full check. The fingerprint check is unchanged: it compares the public key, before any request.
    """
    numbers = key.private_numbers()
    n, e = numbers.public_numbers.n, numbers.public_numbers.e
    p, q, d = numbers.p, numbers.q, numbers.d
    if not (n % 2 == 1 and 1 < e < n and e % 2 == 1 and 1 < p < n and 1 < q < n and p * q == n and 0 < d < n
            and d * e % (p - 1) == 1 and d * e % (q - 1) == 1 and numbers.dmp1 == d % (p - 1)
            and numbers.dmq1 == d % (q - 1) and 0 < numbers.iqmp < p and numbers.iqmp * q % p == 1):
        raise OciAuthError("%s is not a consistent RSA key: its private numbers do not match its public key" % source)


class _RsaSha256Signer:
    """Signs requests with one RSA key and key id; subclasses choose the key id."""

    generic_headers = GENERIC_HEADERS
    trusted_key = False  # True where the key is the user's own: see check_rsa_numbers

    def __init__(self, key_id, private_key_pem, pass_phrase=None, key_source="the private key"):
        self._key_id = key_id
        self._pem = private_key_pem
        self._pass_phrase = pass_phrase
        self._key_source = key_source
        self._key = None

    def __repr__(self):
        return "<%s>" % type(self).__name__

    def _private_key(self):
        if self._key is None:
            self._key = load_private_key(self._pem, self._pass_phrase, self._key_source, self.trusted_key)
        return self._key

    def sign(self, method, url, headers, body):
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding

        method = method.upper()
        if method not in BODY_METHODS:
            for key in [key for key in headers if key.lower() == "transfer-encoding"]:
                del headers[key]
        _default_header(headers, "date", email.utils.formatdate(usegmt=True))
        _replace_header(headers, "host", urlsplit(url).netloc)
        if method in BODY_METHODS:
            body = body or b""
            if isinstance(body, str):
                body = body.encode("utf-8")
            _replace_header(headers, "content-length", str(len(body)))
            _default_header(headers, "content-type", "application/json")
            _default_header(headers, "x-content-sha256",
                            base64.b64encode(hashlib.sha256(body).digest()).decode("ascii"))
        names = signed_header_names(method, self.generic_headers)
        text = signing_string(method, url, headers, names)
        try:
            data = text.encode("ascii")
        except UnicodeEncodeError:
            raise OciAuthError("cannot sign the request: the URL and signed headers must be ASCII "
                               "(percent-encode the URL)")
        key = self._private_key()
        signature = key.sign(data, padding.PKCS1v15(), hashes.SHA256())
        try:
            key.public_key().verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
        except InvalidSignature:
            raise OciAuthError("%s makes signatures that its own public key does not verify (a factor of its modulus "
                               "is not prime): it is not a usable RSA key" % self._key_source)
        _replace_header(headers, "authorization",
                        authorization_header(self._key_id, names, base64.b64encode(signature).decode("ascii")))


class ApiKeySigner(_RsaSha256Signer):
    """API-key signing; ``key_id`` is ``tenancy/user/fingerprint``.

    With ``check_fingerprint`` the key's own fingerprint must be the key id's: a wrong fingerprint is then a clear
    local error instead of a 401 from the service.
    """

    trusted_key = True

    def __init__(self, key_id, private_key_pem, pass_phrase=None, key_source="the private key", check_fingerprint=False):
        super(ApiKeySigner, self).__init__(key_id, private_key_pem, pass_phrase, key_source)
        self._check_fingerprint = check_fingerprint

    def _private_key(self):
        if self._key is None and self._check_fingerprint:
            key = load_private_key(self._pem, self._pass_phrase, self._key_source, self.trusted_key)
            given, actual = self._key_id.rsplit("/", 1)[-1], key_fingerprint(key)
            if given != actual:
                raise OciAuthError("fingerprint %s does not match %s, whose fingerprint is %s: set the fingerprint of "
                                   "that API key, or the key_file of that fingerprint" % (given, self._key_source, actual))
            self._key = key
        return super(ApiKeySigner, self)._private_key()


def key_fingerprint(private_key):
    """OCI's fingerprint of an API key: MD5 of the DER public key, as lower-case hex pairs joined by ':'."""
    from cryptography.hazmat.primitives import serialization

    der = private_key.public_key().public_bytes(serialization.Encoding.DER,
                                                serialization.PublicFormat.SubjectPublicKeyInfo)
    return ":".join("%02x" % byte for byte in bytearray(hashlib.md5(der).digest()))


class SecurityTokenSigner(_RsaSha256Signer):
    """Session-token signing: key id ``ST$<token>``, key = the session key the token was issued for."""

    trusted_key = True  # the user's session key file, or the one InstancePrincipalSigner generated

    def __init__(self, token, private_key_pem, pass_phrase=None, key_source="the session key"):
        super(SecurityTokenSigner, self).__init__("ST$" + token.strip(), private_key_pem, pass_phrase, key_source)


class _X509FederationSigner(_RsaSha256Signer):
    """Signs the token request to the auth service with the instance's leaf key (``host`` is not signed)."""

    generic_headers = ("date", "(request-target)")


# ---------------------------------------------------------------------------------------------------
# Instance principals


def _pem_body(pem):
    """PEM text without BEGIN/END lines and newlines, as the auth service wants certificates and keys."""
    return "".join(line.strip() for line in pem.splitlines() if line.strip() and not line.startswith("-----"))


def tenancy_from_certificate(certificate):
    """Tenancy OCID from an instance certificate subject (``opc-tenant:`` or ``opc-identity:`` value)."""
    for attribute in certificate.subject:
        value = attribute.value
        for prefix in ("opc-tenant:", "opc-identity:"):
            if isinstance(value, str) and value.startswith(prefix):
                return value[len(prefix):]
    raise OciAuthError("the instance certificate has no opc-tenant or opc-identity attribute; "
                       "cannot determine the tenancy")


def jwt_expiry(token):
    """The ``exp`` claim (epoch seconds) of a JWT, or None when it cannot be read. The signature is not checked."""
    try:
        payload = token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        return float(claims["exp"])
    except (IndexError, ValueError, KeyError, TypeError):
        return None


class InstancePrincipalSigner:
    """Instance-principal signing: a session token from the auth service for a fresh session key.

    The instance metadata service (IMDS v2) supplies the region and the instance's certificate and key;
    they are exchanged for a token at the auth service. ``refresh()`` does that again; ``sign()`` does it
    by itself when the token is about to expire. ``region`` and ``tenancy`` come from the metadata.
    ``transport(signer)`` makes the Transport of the call to the auth service (the module's TLS options).
    """

    def __init__(self, metadata_url=None, federation_url=None, timeout=30, transport=None):
        self._transport = transport
        self._metadata_url = (metadata_url or os.environ.get("OCI_METADATA_BASE_URL", "").strip()
                              or DEFAULT_METADATA_URL).rstrip("/")
        self._timeout = timeout
        self.region = canonical_region(self._metadata("/instance/region"))
        self._federation_url = (federation_url or os.environ.get("OCI_FEDERATION_ENDPOINT", "").strip()
                                or "https://auth.%s.%s/v1/x509" % (self.region, realm_domain(self.region)))
        self.tenancy = None
        self._token_signer = None
        self._token_expiry = None
        self.refresh()

    def __repr__(self):
        return "<InstancePrincipalSigner region=%s>" % self.region

    def _metadata(self, path):
        # The answers are plain text (region, PEM), which the JSON transport does not handle.
        import requests

        url = self._metadata_url + path
        try:
            with requests.Session() as session:
                session.trust_env = False  # as in the transport: no proxies from the environment
                response = session.get(url, headers={"Authorization": METADATA_AUTHORIZATION},
                                       timeout=self._timeout, allow_redirects=False)
        except requests.exceptions.RequestException as exc:
            raise OciAuthError("instance principal: cannot reach the instance metadata service at %s (%s); "
                               "instance principals work only on OCI compute instances" % (url, type(exc).__name__))
        if response.status_code != 200:
            raise OciAuthError("instance principal: GET %s returned HTTP %s" % (url, response.status_code))
        return response.text.strip()

    def refresh(self):
        """Fetch the instance certificate again and exchange it for a new token and session key."""
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import rsa
        from ansible_collections.cloudai.control.plugins.module_utils.transport import ApiError, Transport

        leaf_pem = self._metadata("/identity/cert.pem")
        leaf_key_pem = self._metadata("/identity/key.pem")
        intermediate_pem = self._metadata("/identity/intermediate.pem")
        try:
            certificate = x509.load_pem_x509_certificate(leaf_pem.encode("ascii"))
        except ValueError:
            raise OciAuthError("instance principal: the instance metadata service returned an invalid certificate")
        tenancy = tenancy_from_certificate(certificate)
        if self.tenancy is not None and tenancy != self.tenancy:
            raise OciAuthError("instance principal: the tenancy in the instance certificate changed from %s to %s"
                               % (self.tenancy, tenancy))

        session_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        public_pem = session_key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")
        fingerprint = ":".join("%02X" % byte for byte in bytearray(certificate.fingerprint(hashes.SHA1())))
        federation_signer = _X509FederationSigner("%s/fed-x509/%s" % (tenancy, fingerprint), leaf_key_pem,
                                                  key_source="the instance key from the metadata service")
        request = {
            "certificate": _pem_body(leaf_pem),
            "publicKey": _pem_body(public_pem),
            "intermediateCertificates": [_pem_body(intermediate_pem)],
        }
        try:
            transport = self._transport or (lambda signer: Transport(signer, timeout=self._timeout))
            response = transport(federation_signer).request("POST", self._federation_url, body=request)
        except ApiError as exc:
            raise OciAuthError("instance principal: the auth service did not issue a token: %s" % exc)
        token = response.body.get("token") if isinstance(response.body, dict) else None
        if not token:
            raise OciAuthError("instance principal: the auth service at %s answered without a token"
                               % self._federation_url)

        session_pem = session_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                serialization.NoEncryption())
        self.tenancy = tenancy
        self._token_signer = SecurityTokenSigner(token, session_pem)
        self._token_expiry = jwt_expiry(token)

    def sign(self, method, url, headers, body):
        if self._token_expiry is not None and time.time() > self._token_expiry - TOKEN_REFRESH_MARGIN:
            self.refresh()
        self._token_signer.sign(method, url, headers, body)


def _read_file(settings, name):
    path = settings[name]
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise OciAuthError("%s %s cannot be read: %s (%s)" % (name, path, exc.strerror, settings["sources"][name]))


def build_oci_signer(settings, transport=None):
    """The signer for settings from ``resolve_oci_settings``; ``transport``: see InstancePrincipalSigner.

    For ``instance_principal`` this contacts the instance metadata service and the auth service, and fills
    ``settings["region"]`` (unless set) and ``settings["tenancy"]`` from the instance's identity.
    Key parsing errors surface on the first ``sign()`` as OciAuthError.
    """
    auth_type = settings["auth_type"]
    if auth_type == "instance_principal":
        signer = InstancePrincipalSigner(transport=transport)
        settings["region"] = settings.get("region") or signer.region
        settings["tenancy"] = signer.tenancy
        return signer

    if settings.get("key_content"):
        pem = settings["key_content"]
        key_source = "the key in option key_content"
    else:
        pem = _read_file(settings, "key_file")
        key_source = "key_file %s (%s)" % (settings["key_file"], settings["sources"]["key_file"])
    pass_phrase = settings.get("pass_phrase")
    if auth_type == "security_token":
        token = _read_file(settings, "security_token_file").decode("utf-8", "replace").strip()
        if not token:
            raise OciAuthError("security_token_file %s is empty" % settings["security_token_file"])
        if any(character.isspace() for character in token):
            raise OciAuthError("security_token_file %s does not hold one session token (it has spaces or several lines)"
                               % settings["security_token_file"])
        expiry = jwt_expiry(token)
        if expiry is not None and expiry <= time.time():
            raise OciAuthError("the session token in security_token_file %s expired at %s; refresh it with 'oci session "
                               "refresh' or 'oci session authenticate'"
                               % (settings["security_token_file"], time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(expiry))))
        return SecurityTokenSigner(token, pem, pass_phrase, key_source=key_source)
    key_id = "%s/%s/%s" % (settings["tenancy"], settings["user"], settings["fingerprint"])
    return ApiKeySigner(key_id, pem, pass_phrase, key_source=key_source, check_fingerprint=True)
