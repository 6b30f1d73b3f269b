"""Server-side check of OCI HTTP signatures (draft-cavage, rsa-sha256), per auth-and-signing.md A.4."""

import base64
import hashlib
import re
from email.utils import parsedate_to_datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding

MAX_DATE_SKEW = 300
HEADERS_WITHOUT_BODY = ('date', '(request-target)', 'host')
HEADERS_WITH_BODY = HEADERS_WITHOUT_BODY + ('content-length', 'content-type', 'x-content-sha256')
_PARAMETER = re.compile(r'(\w+)="([^"]*)"')


class SignatureError(Exception):
    """Why a request is not authenticated; the message never contains the signature or a token."""


def required_headers(method):
    return HEADERS_WITH_BODY if method in ('POST', 'PUT', 'PATCH') else HEADERS_WITHOUT_BODY


def describe_key_id(key_id):
    """A keyId fit for error messages: session tokens are credentials and are not repeated."""
    return 'ST$<session token>' if key_id.startswith('ST$') else key_id


def parse_authorization(value):
    """`Signature k="v",...` -> dict of parameters; raises SignatureError."""
    if not value:
        raise SignatureError('the request has no authorization header')
    scheme, _sep, rest = value.partition(' ')
    if scheme != 'Signature':
        raise SignatureError('the authorization header must use the "Signature" scheme')
    params = dict(_PARAMETER.findall(rest))
    for name in ('keyId', 'signature', 'headers'):
        if not params.get(name):
            raise SignatureError('the authorization header has no %s parameter' % name)
    if params.get('algorithm', 'rsa-sha256') != 'rsa-sha256':
        raise SignatureError('unsupported signature algorithm %r (expected rsa-sha256)' % params['algorithm'])
    if params.get('version', '1') != '1':
        raise SignatureError('unsupported signature version %r' % params['version'])
    return params


def signing_string(request, header_names):
    """Rebuild the signed text from the request as received."""
    lines = []
    for name in header_names:
        if name == '(request-target)':
            value = '%s %s' % (request.method.lower(), request.target)
        else:
            value = request.header(name)
            if value is None:
                raise SignatureError('header %r is listed as signed but is not in the request' % name)
        lines.append('%s: %s' % (name, value))
    return '\n'.join(lines)


def _check_body(request, header_names):
    if 'content-length' in header_names and request.header('content-length') != str(len(request.body)):
        raise SignatureError('content-length does not match the received body (%d bytes)' % len(request.body))
    if 'x-content-sha256' in header_names:
        digest = base64.b64encode(hashlib.sha256(request.body).digest()).decode('ascii')
        if request.header('x-content-sha256') != digest:
            raise SignatureError('x-content-sha256 does not match the SHA-256 of the received body')


def _check_date(request, now):
    value = request.header('date')
    try:
        sent = parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError):
        raise SignatureError('the date header %r is not an RFC 7231 date' % value)
    if abs(now - sent) > MAX_DATE_SKEW:
        raise SignatureError('the date header is %d s away from the server clock (max %d s)' % (abs(now - sent), MAX_DATE_SKEW))


def verify(request, lookup_key, now, required=None):
    """Return the keyId of a valid signature; raise SignatureError otherwise.

    `lookup_key(key_id)` returns the RSA public key or raises SignatureError;
    `required` is the header list the operation must sign (default: by method, A.2).
    """
    params = parse_authorization(request.header('authorization'))
    header_names = params['headers'].lower().split()
    missing = [name for name in (required or required_headers(request.method)) if name not in header_names]
    if missing:
        raise SignatureError('the signature must cover these headers too: %s' % ' '.join(missing))
    text = signing_string(request, header_names)
    _check_body(request, header_names)
    _check_date(request, now)
    public_key = lookup_key(params['keyId'])
    try:
        signature = base64.b64decode(params['signature'], validate=True)
        public_key.verify(signature, text.encode('utf-8'), padding.PKCS1v15(), hashes.SHA256())
    except (ValueError, InvalidSignature):
        raise SignatureError('the signature does not verify with the key registered for keyId %s; the server checked the headers [%s] with '
                             '(request-target) "%s %s"' % (describe_key_id(params['keyId']), ' '.join(header_names),
                                                           request.method.lower(), request.target))
    return params['keyId']
