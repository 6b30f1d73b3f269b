# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""OCI authentication: settings from options and the OCI config file, and request signers.

Signing is HTTP Signature (draft-cavage) ``rsa-sha256`` as done by the ``oci`` SDK 2.189.0
(``oci/signer.py``, ``oci/auth/*``); the rules are written down in the project's
``api/auth-and-signing.md`` part A. Signers follow the collection's protocol:
``sign(method, url, headers, body)`` adds headers in place; ``refresh()`` where credentials expire.

``cryptography`` is imported only inside the functions that load keys or sign, so resolving settings
stays cheap.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import base64
import configparser
import email.utils
import hashlib
import json
import os
import re
import socket
import stat
import time

from urllib.parse import urlsplit

from ansible_collections.cloudai.control.plugins.module_utils.errors import ConfigError, did_you_mean

AUTH_TYPES = ("api_key", "security_token", "instance_principal")
DEFAULT_PROFILE = "DEFAULT"
DEFAULT_CONFIG_FILE = "~/.oci/config"
FALLBACK_CONFIG_FILE = "~/.oraclebmc/config"
DEFAULT_METADATA_URL = "http://169.254.169.254/opc/v2"
METADATA_AUTHORIZATION = "Bearer Oracle"
EMPTY_BODY_SHA256 = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
TOKEN_REFRESH_MARGIN = 60  # seconds before the token's exp at which a new one is fetched

GENERIC_HEADERS = ("date", "(request-target)", "host")
BODY_HEADERS = ("content-length", "content-type", "x-content-sha256")
BODY_METHODS = ("POST", "PUT", "PATCH")

FINGERPRINT_PATTERN = re.compile(r"^([0-9a-f]{2}:){15}[0-9a-f]{2}\Z")
REGION_PATTERN = re.compile(r"^[a-z]{2,}(-[a-z0-9]+)*-[0-9]+\Z")  # us-chicago-1, us-gov-ashburn-1, eu-dcc-dublin-1
OCID_PATTERN = re.compile(r"^([0-9a-zA-Z_-]+[.:])([0-9a-zA-Z_-]*[.:]){3,}([0-9a-zA-Z_-]+)\Z")

# Short code -> region id, per realm (oci SDK 2.189.0 tables).
_REALM_REGIONS = {
    "oc1": "lej=af-casablanca-1 jnb=af-johannesburg-1 hsg=ap-batam-1 yny=ap-chuncheon-1 onm=ap-delhi-1"
           " hyd=ap-hyderabad-1 jbp=ap-kulai-2 mel=ap-melbourne-1 bom=ap-mumbai-1 kix=ap-osaka-1 icn=ap-seoul-1"
           " sin=ap-singapore-1 xsp=ap-singapore-2 syd=ap-sydney-1 nrt=ap-tokyo-1 yul=ca-montreal-1"
           " yyz=ca-toronto-1 ams=eu-amsterdam-1 fra=eu-frankfurt-1 mad=eu-madrid-1 orf=eu-madrid-3"
           " mrs=eu-marseille-1 lin=eu-milan-1 cdg=eu-paris-1 arn=eu-stockholm-1 nrq=eu-turin-1"
           " zrh=eu-zurich-1 mtz=il-jerusalem-1 auh=me-abudhabi-1 dxb=me-dubai-1 jed=me-jeddah-1"
           " ruh=me-riyadh-1 mty=mx-monterrey-1 qro=mx-queretaro-1 bog=sa-bogota-1 scl=sa-santiago-1"
           " gru=sa-saopaulo-1 vap=sa-valparaiso-1 vcp=sa-vinhedo-1 cwl=uk-cardiff-1 lhr=uk-london-1"
           " iad=us-ashburn-1 ord=us-chicago-1 phx=us-phoenix-1 aga=us-saltlake-2 sjc=us-sanjose-1",
    "oc2": "lfi=us-langley-1 luf=us-luke-1",
    "oc3": "ric=us-gov-ashburn-1 pia=us-gov-chicago-1 tus=us-gov-phoenix-1",
    "oc4": "brs=uk-gov-cardiff-1 ltn=uk-gov-london-1",
    "oc8": "nja=ap-chiyoda-1 ukb=ap-ibaraki-1",
    "oc9": "mct=me-dcc-muscat-1 ibr=me-ibri-1",
    "oc10": "wga=ap-dcc-canberra-1",
    "oc14": "ork=eu-dcc-dublin-1 snn=eu-dcc-dublin-2 bgy=eu-dcc-milan-1 mxp=eu-dcc-milan-2"
            " dus=eu-dcc-rating-1 dtm=eu-dcc-rating-2",
    "oc15": "dac=ap-dcc-gazipur-1",
    "oc19": "str=eu-frankfurt-2 vll=eu-madrid-2",
    "oc20": "beg=eu-jovanovac-1",
    "oc21": "vve=me-alrayyan-1 doh=me-dcc-doha-1",
    "oc23": "ebb=us-somerset-1 ebl=us-thames-1",
    "oc24": "avf=eu-crissier-1 avz=eu-dcc-zurich-1",
    "oc26": "ahu=me-abudhabi-3 rba=me-alain-1",
    "oc29": "rkt=me-abudhabi-2 shj=me-abudhabi-4",
    "oc35": "bno=ap-chuncheon-2 dtz=ap-seoul-2 dln=ap-suwon-1",
    "oc42": "yxj=us-ashburn-2 pgc=us-newark-1",
    "oc51": "jsk=eu-budapest-1",
    "oc52": "hnw=sa-riodejaneiro-1",
}
# Realms not listed use oraclecloud<N>.com.
_REALM_DOMAINS = {
    "oc1": "oraclecloud.com",
    "oc2": "oraclegovcloud.com",
    "oc3": "oraclegovcloud.com",
    "oc4": "oraclegovcloud.uk",
    "oc19": "oraclecloud.eu",
}
REGION_SHORT_CODES = {}
REGION_REALMS = {}
for _realm, _pairs in _REALM_REGIONS.items():
    for _pair in _pairs.split():
        _short, _region = _pair.split("=")
        REGION_SHORT_CODES[_short] = _region
        REGION_REALMS[_region] = _realm


class OciAuthError(ConfigError):
    """Invalid OCI settings or a failure to authenticate. The message never contains a secret."""


# ---------------------------------------------------------------------------------------------------
# Regions and OCIDs


def canonical_region(region):
    """Region id for a region id or short code (``iad`` -> ``us-ashburn-1``); unknown names pass through."""
    name = region.strip().lower()
    return REGION_SHORT_CODES.get(name, name)


def added_region():
    """The region that env ``OCI_REGION_METADATA`` adds, as the SDK reads it (a JSON object with
    ``regionIdentifier`` and ``realmDomainComponent``): a region newer than the table. {} when unset or unusable."""
    try:
        added = json.loads(os.environ.get("OCI_REGION_METADATA") or "{}")
    except ValueError:
        return {}
    return added if isinstance(added, dict) and isinstance(added.get("regionIdentifier"), str) else {}


def realm_domain(region):
    """Second-level domain of the region's realm (``oraclecloud.com`` for oc1).

    Unknown regions use the domain of env ``OCI_REGION_METADATA`` for its region, else env ``OCI_DEFAULT_REALM``
    (a domain, as the SDK reads it), else oc1's.
    """
    realm = REGION_REALMS.get(canonical_region(region))
    if realm is None:
        added = added_region()
        if added.get("regionIdentifier") == canonical_region(region) and added.get("realmDomainComponent"):
            return added["realmDomainComponent"]
        return os.environ.get("OCI_DEFAULT_REALM") or _REALM_DOMAINS["oc1"]
    return _REALM_DOMAINS.get(realm) or "oraclecloud%s.com" % realm[2:]


def region_from_ocid(ocid):
    """Region id from the 4th segment of a regional OCID, or None for global OCIDs and non-OCIDs."""
    parts = (ocid or "").split(".")
    if len(parts) < 5 or not parts[0].startswith("ocid") or not parts[3]:
        return None
    return canonical_region(parts[3])


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


# ---------------------------------------------------------------------------------------------------
# Settings: options, then the OCI config file, then the environment

SETTING_NAMES = ("region", "tenancy", "user", "fingerprint", "key_file", "key_content", "pass_phrase")
# the environment variables of each option (those of oracle.oci and of the OCI CLI), for the argument spec and messages
SETTING_ENV = dict(
    auth_type=("OCI_CLI_AUTH",),
    config_file=("OCI_CONFIG_FILE", "OCI_CLI_CONFIG_FILE"),
    config_profile=("OCI_CONFIG_PROFILE", "OCI_CLI_PROFILE"),
    region=("OCI_REGION", "OCI_CLI_REGION"),
    tenancy=("OCI_TENANCY", "OCI_CLI_TENANCY"),
    user=("OCI_USER_ID", "OCI_CLI_USER"),
    fingerprint=("OCI_USER_FINGERPRINT", "OCI_CLI_FINGERPRINT"),
    key_file=("OCI_USER_KEY_FILE", "OCI_CLI_KEY_FILE"),
    key_content=("OCI_USER_KEY_CONTENT", "OCI_CLI_KEY_CONTENT"),
    pass_phrase=("OCI_USER_KEY_PASS_PHRASE",),
)
CONFIG_FILE_KEYS = ("region", "tenancy", "user", "fingerprint", "key_file", "pass_phrase", "security_token_file")


def _config_file_path(given):
    """(path, explicit) per the SDK: the given path, ~/.oci/config, env OCI_CONFIG_FILE, ~/.oraclebmc/config."""
    if given:
        return os.path.expanduser(given), True
    default = os.path.expanduser(DEFAULT_CONFIG_FILE)
    if os.path.isfile(default):
        return default, False
    if os.environ.get("OCI_CONFIG_FILE"):
        return os.path.expanduser(os.environ["OCI_CONFIG_FILE"]), True
    fallback = os.path.expanduser(FALLBACK_CONFIG_FILE)
    if os.path.isfile(fallback):
        return fallback, False
    return default, False


def _read_profile(path, explicit_file, profile, explicit_profile):
    """The profile's keys (``[DEFAULT]`` keys inherited), or {} when an optional file is absent."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        with open(path, encoding="utf-8") as handle:
            parser.read_file(handle)
    except FileNotFoundError:
        if explicit_file:
            raise OciAuthError("config file %s does not exist (option config_file or env OCI_CONFIG_FILE)" % path)
        if explicit_profile and profile != DEFAULT_PROFILE:
            raise OciAuthError("config_profile %s was given but the config file %s does not exist" % (profile, path))
        return {}
    except OSError as exc:
        raise OciAuthError("config file %s cannot be read: %s" % (path, exc.strerror))
    except (configparser.Error, UnicodeDecodeError) as exc:
        # The parser's own message may quote a line of the file (which could hold a pass phrase).
        line = getattr(exc, "lineno", None) or (exc.errors[0][0] if getattr(exc, "errors", None) else None)
        raise OciAuthError("config file %s is not a valid INI file%s"
                           % (path, " (line %s)" % line if line else ""))
    if profile != DEFAULT_PROFILE and not parser.has_section(profile):
        raise OciAuthError("config_profile %s not found in config file %s (profiles: %s)"
                           % (profile, path, ", ".join([DEFAULT_PROFILE] + parser.sections())))
    values = dict(parser[profile])
    if "key_content" in values:
        raise OciAuthError("'key_content' is not allowed in a config file (profile %s of %s); use key_file, "
                           "or the key_content option" % (profile, path))
    return values


def _checked_region(value, source, endpoint):
    """The region id of ``value``: a known region, one that env OCI_REGION_METADATA adds, or any with ``endpoint``."""
    region = canonical_region(value)
    if not REGION_PATTERN.match(region):
        raise OciAuthError("region must be an OCI region id such as us-chicago-1 or a short code such as ord, got %r (%s)"
                           % (value, source))
    if region not in REGION_REALMS and not endpoint and added_region().get("regionIdentifier") != region:
        raise OciAuthError("region %r (%s) is not an OCI region%s. For a region newer than the collection's list, "
                           "describe it in env OCI_REGION_METADATA as the OCI SDK reads it (such as "
                           "{\"regionIdentifier\": \"%s\", \"realmDomainComponent\": \"oraclecloud.com\", ...}), or "
                           "give the service's URL in it with endpoint" % (
                               value, source, did_you_mean(region, REGION_REALMS), region))
    return region


def _missing_message(missing, auth_type, sources, values, profile, path):
    """Every setting that is missing and every place it was looked for; 'no OCI credentials found' when nothing was."""
    found = path if os.path.isfile(path) else "%s (file not found%s)" % (
        path, "" if os.environ.get("OCI_CONFIG_FILE") else "; nor %s, nor env OCI_CONFIG_FILE" % FALLBACK_CONFIG_FILE)
    where = []
    for name in missing:
        places = [] if name == "security_token_file" else ["option %s" % name]
        places += ["env %s" % " or ".join(SETTING_ENV[name])] if name in SETTING_ENV else []
        if name == "key_file":
            places.append("option key_content or env %s" % " or ".join(SETTING_ENV["key_content"]))
        places.append("'%s' in profile %s of the config file" % (name, profile))
        if name == "region":
            places.append("or option endpoint instead")
        where.append("%s (%s)" % (name, ", ".join(places)))
    listed = ", ".join(missing[:-1]) + " and " + missing[-1] if len(missing) > 1 else missing[0]
    return "%s for auth_type %s: %s %s missing, looked for in: %s; config file %s. Credentials are read on the host " \
           "that runs the task (%s), which is not the controller for a task on a remote host without delegate_to: " \
           "localhost" % ("no OCI credentials found" if not sources and not values else "OCI credentials incomplete",
                          auth_type, listed, "is" if len(missing) == 1 else "are", "; ".join(where), found,
                          socket.gethostname())


def _file_mode_warning(path, what):
    mode = stat.S_IMODE(os.stat(path).st_mode)
    if mode & 0o077:
        return "%s %s can be read by group or others (mode %04o); restrict it with chmod 600" % (what, path, mode)
    return None


def resolve_oci_settings(params):
    """Resolve the auth settings from module options, falling back to the OCI config file and env.

    ``params`` holds the common options (``auth_type``, ``config_file``, ``config_profile``, ``region``,
    ``tenancy``, ``user``, ``fingerprint``, ``key_file``, ``key_content``, ``pass_phrase``, ``endpoint``);
    missing or None values are taken from the config file profile. Returns a dict with those settings
    plus ``security_token_file``, ``config_file`` (the file consulted or None), ``config_profile``,
    ``sources`` (where each value came from, for messages) and ``warnings`` (a list of strings).
    ``region`` is a region id (short codes mapped); it is None only with ``endpoint`` set or for
    instance principals (``build_oci_signer`` fills it in). Raises OciAuthError.
    """
    auth_type = params.get("auth_type") or "api_key"
    if auth_type not in AUTH_TYPES:
        raise OciAuthError("auth_type must be one of %s, not %s" % (", ".join(AUTH_TYPES), auth_type))
    settings = {"auth_type": auth_type, "security_token_file": None, "config_file": None, "config_profile": None,
                "sources": {}, "warnings": []}
    sources = settings["sources"]
    for name in SETTING_NAMES:
        value = params.get(name)
        settings[name] = value if value not in (None, "") else None
        if settings[name] is not None:
            sources[name] = "option %s" % name
    if settings["key_file"] and settings["key_content"]:
        raise OciAuthError("options key_file and key_content are mutually exclusive")

    if auth_type == "instance_principal":
        # The instance's identity replaces the config file; the region defaults to the instance's.
        if settings["region"]:
            settings["region"] = _checked_region(settings["region"], sources["region"], params.get("endpoint"))
        return settings

    profile = params.get("config_profile") or DEFAULT_PROFILE
    path, explicit_file = _config_file_path(params.get("config_file"))
    values = _read_profile(path, explicit_file, profile, bool(params.get("config_profile")))
    if values:
        settings["config_file"] = path
        settings["config_profile"] = profile
        warning = _file_mode_warning(path, "config file")  # it may hold pass_phrase
        if warning:
            settings["warnings"].append(warning)
    for key in CONFIG_FILE_KEYS:
        if settings.get(key) is None and values.get(key) and not (key == "key_file" and settings["key_content"]):
            settings[key] = values[key]
            sources[key] = "'%s' in profile %s of %s" % (key, profile, path)
    if settings["region"] is None and os.environ.get("OCI_REGION"):
        settings["region"] = os.environ["OCI_REGION"]
        sources["region"] = "env OCI_REGION"
    if settings["region"]:
        settings["region"] = _checked_region(settings["region"], sources["region"], params.get("endpoint"))

    missing = [name for name in ("region", "tenancy", "user", "fingerprint", "key_file", "security_token_file")
               if not settings[name] and (name != "region" or not params.get("endpoint"))
               and (name not in ("tenancy", "user", "fingerprint") or auth_type == "api_key")
               and (name != "key_file" or not settings["key_content"])
               and (name != "security_token_file" or auth_type == "security_token")]
    if missing:
        raise OciAuthError(_missing_message(missing, auth_type, sources, values, profile, path))
    if settings["fingerprint"] and not FINGERPRINT_PATTERN.match(settings["fingerprint"]):
        raise OciAuthError("fingerprint must be 16 lower-case hex pairs separated by ':' (%s)" % sources["fingerprint"])
    for name in ("tenancy", "user"):
        if settings[name] and not OCID_PATTERN.match(settings[name]):
            raise OciAuthError("%s must be an OCID such as ocid1.%s.oc1..aaaa... (%s)" % (name, name, sources[name]))

    files = ["key_file"] + (["security_token_file"] if auth_type == "security_token" else [])
    for name in files:
        if not settings[name]:
            continue
        settings[name] = os.path.expanduser(settings[name])
        if not os.path.isfile(settings[name]):
            raise OciAuthError("%s %s does not exist or is not a file (%s)" % (name, settings[name], sources[name]))
        warning = _file_mode_warning(settings[name], name)
        if warning:
            settings["warnings"].append(warning)
    return settings


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
