"""Server-side check of Huawei Cloud `SDK-HMAC-SHA256` AK/SK signatures, per auth-and-signing.md B."""

import hashlib
import hmac
import re
from datetime import datetime, timezone
from urllib.parse import parse_qsl, quote, unquote

ALGORITHM = 'SDK-HMAC-SHA256'
MAX_DATE_SKEW = 900
UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD'
_AUTHORIZATION = re.compile(r'^SDK-HMAC-SHA256\s+Access=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-fA-F]+)\s*$')


class SignatureError(Exception):
    """Why a request is not authenticated; the message never contains the signature or the SK."""


def canonical_uri(path):
    segments = [quote(segment, safe='') for segment in unquote(path).split('/')]
    uri = '/'.join(segments)
    return uri if uri.endswith('/') else uri + '/'


def canonical_query(query_string):
    pairs = sorted(parse_qsl(query_string, keep_blank_values=True))
    return '&'.join('%s=%s' % (quote(key, safe=''), quote(value, safe='')) for key, value in pairs)


def canonical_request(request, signed_headers):
    lines = []
    for name in signed_headers:
        value = request.header(name)
        if value is None:
            raise SignatureError('header %r is listed in SignedHeaders but is not in the request' % name)
        lines.append('%s:%s\n' % (name, value.strip()))
    if request.header('x-sdk-content-sha256') == UNSIGNED_PAYLOAD and 'x-sdk-content-sha256' in signed_headers:
        body_hash = UNSIGNED_PAYLOAD
    else:
        body_hash = hashlib.sha256(request.body).hexdigest()
    return '\n'.join([request.method, canonical_uri(request.path), canonical_query(request.query_string),
                      ''.join(lines), ';'.join(signed_headers), body_hash])


def _check_date(value, now):
    try:
        sent = datetime.strptime(value or '', '%Y%m%dT%H%M%SZ').replace(tzinfo=timezone.utc).timestamp()
    except ValueError:
        raise SignatureError('X-Sdk-Date %r is not in YYYYMMDDTHHMMSSZ form' % value)
    if abs(now - sent) > MAX_DATE_SKEW:
        raise SignatureError('X-Sdk-Date is %d s away from the server clock (max %d s)' % (abs(now - sent), MAX_DATE_SKEW))


def verify(request, secret_keys, now):
    """Return the AK of a valid signature; raise SignatureError otherwise. `secret_keys` maps AK -> SK."""
    found = _AUTHORIZATION.match(request.header('authorization') or '')
    if not found:
        raise SignatureError('the Authorization header is not "SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=..."')
    access_key, signed, signature = found.groups()
    signed_headers = signed.lower().split(';')
    missing = [name for name in ('host', 'x-sdk-date') if name not in signed_headers]
    if missing:
        raise SignatureError('SignedHeaders must include %s' % ', '.join(missing))
    secret_key = secret_keys.get(access_key)
    if secret_key is None:
        raise SignatureError('unknown access key %s' % access_key)
    date = request.header('x-sdk-date')
    _check_date(date, now)
    canonical = canonical_request(request, signed_headers)
    string_to_sign = '%s\n%s\n%s' % (ALGORITHM, date, hashlib.sha256(canonical.encode('utf-8')).hexdigest())
    expected = hmac.new(secret_key.encode('utf-8'), string_to_sign.encode('utf-8'), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature.lower()):
        raise SignatureError('the signature does not match; the server checked the headers [%s] over canonical URI %s and query "%s"'
                             % (';'.join(signed_headers), canonical_uri(request.path), canonical_query(request.query_string)))
    return access_key
