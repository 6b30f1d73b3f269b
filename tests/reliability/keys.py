"""Key material made at test time: certificates, encrypted copies of the test key, new keys, session tokens."""

import base64
import datetime
import hashlib
import ipaddress
import json
import uuid

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from emulator.config import TEST_KEY_FILE


def self_signed(directory, name="emulator"):
    """A certificate for 127.0.0.1 signed by its own key: (certificate path, key path)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject).public_key(key.public_key())
                   .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(hours=1))
                   .not_valid_after(now + datetime.timedelta(days=1))
                   .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                                  critical=False)
                   .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                   .sign(key, hashes.SHA256()))
    cert_path, key_path = directory / (name + ".crt"), directory / (name + ".key")
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def the_test_key_pem():
    with open(TEST_KEY_FILE, "rb") as handle:
        return handle.read()


def encrypted_copy(path, pass_phrase):
    """The test key (the one the emulator knows), encrypted with ``pass_phrase``."""
    key = serialization.load_pem_private_key(the_test_key_pem(), None)
    path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.BestAvailableEncryption(pass_phrase.encode("utf-8"))))
    path.chmod(0o600)
    return path


def inconsistent_copy(path):
    """The test key with its private exponent changed: the same public key (and fingerprint), unusable numbers."""
    numbers = serialization.load_pem_private_key(the_test_key_pem(), None).private_numbers()
    d = numbers.d + 2
    spoilt = rsa.RSAPrivateNumbers(numbers.p, numbers.q, d, d % (numbers.p - 1), d % (numbers.q - 1), numbers.iqmp,
                                   numbers.public_numbers).private_key(unsafe_skip_rsa_key_validation=True)
    path.write_bytes(spoilt.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
    path.chmod(0o600)
    return path


def new_key(path=None):
    """A new RSA key: (key, PEM bytes), written to ``path`` (mode 600) when given."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    if path:
        path.write_bytes(pem)
        path.chmod(0o600)
    return key, pem


def public_pem(key):
    return key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")


def fingerprint(key):
    der = key.public_key().public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    return ":".join("%02x" % byte for byte in hashlib.md5(der).digest())


def session_token(expires):
    """A JWT-shaped session token with this expiry (epoch seconds); unique each time."""
    def part(data):
        return base64.urlsafe_b64encode(json.dumps(data).encode("utf-8")).decode("ascii").rstrip("=")
    claims = {"sub": "reliability", "exp": int(expires), "jti": str(uuid.uuid4())}
    return "%s.%s.c2lnbmF0dXJl" % (part({"alg": "RS256", "typ": "JWT"}), part(claims))


def pem_lines(pem):
    """The base64 lines of a PEM: any one of them appearing in output is a leak."""
    text = pem.decode("ascii") if isinstance(pem, bytes) else pem
    return [line for line in text.splitlines() if line and not line.startswith("-----") and len(line) >= 40]
