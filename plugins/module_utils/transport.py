# -*- coding: utf-8 -*-
# Copyright: cloudai.control contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one place that sends HTTP requests: timeouts, TLS, retries with backoff, error decoding.

Signers (oci_auth, huawei_auth) add authentication headers; service clients (oci_client,
huawei_client) build URLs and page through lists. Nothing here knows which cloud it talks to.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json
import random
import re
import time

from urllib.parse import quote, urlencode

try:
    import requests
    HAS_REQUESTS = True
except ImportError:
    HAS_REQUESTS = False

USER_AGENT = "cloudai.control/0.2.0"
REQUEST_ID_HEADERS = ("opc-request-id", "x-request-id")
RETRYABLE_STATUS = frozenset((429, 500, 502, 503, 504))
MAX_RETRY_AFTER = 60.0
# A 429 that says when to come back (Retry-After) costs no retry: the service did nothing, and under a steady rate
# limit several forks would otherwise use up their retries on one another. Such waits add up to this at most.
MAX_THROTTLED_WAIT = 300.0
# The largest answer read: the services' biggest (a document's analysis) are a few MB; a larger one is refused unread.
MAX_BODY = 32 * 1024 * 1024
PLACEHOLDER = re.compile(r"\{(\w+)\}")


class ApiError(Exception):
    """A request that did not succeed: HTTP status (0 when no response), service code, message, request id.

    ``attempts`` says how many times the request was sent; ``ambiguous`` is true when the service may
    have carried out a mutating request whose response was lost (the caller must check before repeating it).
    """

    def __init__(self, status, code, message, request_id=None, method=None, url=None, attempts=1, ambiguous=False):
        self.status = status
        self.code = code
        self.message = message
        self.request_id = request_id
        self.method = method
        self.url = url
        self.attempts = attempts
        self.ambiguous = ambiguous
        super(ApiError, self).__init__(str(self))

    def __str__(self):
        text = "%s %s failed: " % (self.method, self.url) if self.method else ""
        text += "HTTP %s" % self.status if self.status else "no response"
        if self.code:
            text += " %s" % self.code
        text += ": %s" % self.message
        if self.request_id:
            text += " (request id %s)" % self.request_id
        return text

    def to_dict(self):
        return {
            "status": self.status,
            "code": self.code,
            "message": self.message,
            "request_id": self.request_id,
            "method": self.method,
            "url": self.url,
        }


class Response:
    def __init__(self, status, headers, body, method=None, url=None):
        self.status = status
        self.headers = headers
        self.body = body
        self.method = method
        self.url = url

    def header(self, name):
        return self.headers.get(name)

    def resource(self, key="id"):
        """The body as one resource: a JSON object with an ``id`` (or the ``key`` that identifies it, a name); an
        UnexpectedResponse ApiError otherwise."""
        if isinstance(self.body, dict) and isinstance(self.body.get(key), str) and self.body[key]:
            return self.body
        raise self.unexpected("a resource object with its %r" % key)

    def object(self):
        """The body as one JSON object (a resource's part without an id, such as its stats)."""
        if isinstance(self.body, dict):
            return self.body
        raise self.unexpected("an object")

    def items(self, key):
        """The list of objects under ``key`` (a list call's page); an UnexpectedResponse ApiError otherwise, so that
        an answer of the wrong shape is never taken for an empty list."""
        items = self.body.get(key) if isinstance(self.body, dict) else None
        if isinstance(items, list) and all(isinstance(item, dict) for item in items):
            return items
        raise self.unexpected("an object with a list of objects under %r" % key)

    def unexpected(self, expected):
        # a mutating request the service answered has been carried out, whatever the answer looks like
        return ApiError(self.status, "UnexpectedResponse", "the service's answer is not %s as the API defines it, but %s"
                        % (expected, _shape(self.body)), request_id_of(self.headers), self.method, self.url,
                        ambiguous=self.method not in (None, "GET"))


def _shape(body):
    """What a body is, in words, naming field names but never values."""
    if isinstance(body, dict):
        return "an object with the fields %s" % (", ".join(sorted(body)[:10]) or "(none)")
    if body is None:
        return "an empty body"
    return {list: "a JSON list", str: "a JSON string", bool: "a JSON boolean"}.get(type(body), "a JSON number")


def encode_query(params):
    """Encode a list of (key, value) pairs (or a dict) the way both clouds accept: RFC 3986, %20 for space.

    None values are dropped, lists repeat the key, booleans become true/false.
    """
    pairs = []
    items = params.items() if isinstance(params, dict) else params
    for key, value in items:
        values = value if isinstance(value, (list, tuple)) else [value]
        for item in values:
            if item is None:
                continue
            if isinstance(item, bool):
                item = "true" if item else "false"
            pairs.append((key, str(item)))
    return urlencode(pairs, quote_via=quote, safe="-_.~")


def gone_on_retry_is_done(send):
    """``send()`` a DELETE of an item. A retry that finds the item gone, because the first attempt's answer was lost
    after the service removed it, means the removal is done."""
    try:
        send()
    except ApiError as error:
        if not (error.status == 404 and error.attempts > 1):
            raise


def path_segment(value):
    """``value`` (an id, from an option or an answer) as exactly one path segment: percent-encoded but for letters,
    digits and -_.~, and '.' too where it would make a dot segment ('.' or '..', which clients remove)."""
    text = quote(str(value), safe="")
    return text.replace(".", "%2E") if text.strip(".") == "" else text


def fill_path(template, values):
    """``template`` (written in this collection, never taken from an answer) with each ``{name}`` placeholder replaced
    by ``path_segment(values[name])``. A value cannot add a segment or a placeholder: encoded, it holds no '/' or '{'."""
    return PLACEHOLDER.sub(lambda match: path_segment(values[match.group(1)]), template)


def request_id_of(headers):
    for name in REQUEST_ID_HEADERS:
        if headers.get(name):
            return headers.get(name)
    return None


def _find_error_fields(data):
    """(code, message) from the error bodies the services use, searching nested objects."""
    if not isinstance(data, dict):
        return None, None
    for code_key, message_key in (("error_code", "error_msg"), ("errorCode", "errorMsg"), ("code", "message")):
        if code_key in data or message_key in data:
            code, message = data.get(code_key), data.get(message_key)
            if isinstance(code, (str, int)) and isinstance(message, (str, type(None))):
                if data.get("solution_msg"):
                    message = "%s (%s)" % (message, data["solution_msg"])
                return str(code), message
    for value in data.values():
        code, message = _find_error_fields(value)
        if code or message:
            return code, message
    return None, None


def _text_excerpt(text, limit=300):
    text = re.sub(r"<[^>]+>", " ", text)
    text = " ".join(text.split())
    return text[:limit] + ("..." if len(text) > limit else "")


def _is_html(headers, text):
    return "html" in (headers.get("content-type") or "").lower() or text.lstrip()[:1] == "<"


def decode_body(status, headers, raw):
    """Parse a response body. Returns (body, None) or (None, (code, message)) when it is an error."""
    text = raw.decode("utf-8", "replace") if raw else ""
    body = None
    if text.strip():
        try:
            body = json.loads(text)
        except ValueError as exc:
            html = _is_html(headers, text)
            if 200 <= status < 300:
                what = "an HTML page instead of JSON" if html else "a body that is not valid JSON (%s)" % exc
                return None, ("MalformedResponse", "the service sent %s: %s" % (what, _text_excerpt(text)))
            if html:
                return None, (None, "the service answered with an HTML page, not JSON: %s" % _text_excerpt(text))
            return None, (None, _text_excerpt(text) or "no message")
    if 200 <= status < 300:
        return body, None
    code, message = _find_error_fields(body)
    return None, (code, message or (_text_excerpt(text) if text.strip() else "no message"))


class Transport:
    """Send signed requests with retries.

    ``signer`` has ``sign(method, url, headers, body)`` and optionally ``refresh()``.
    """

    def __init__(self, signer, timeout=60, validate_certs=True, ca_bundle=None, retries=5,
                 user_agent=USER_AGENT, backoff_base=0.5, backoff_cap=20.0, sleep=time.sleep):
        self.signer = signer
        self.timeout = timeout
        self.verify = ca_bundle if (validate_certs and ca_bundle) else bool(validate_certs)
        self.retries = retries
        self.user_agent = user_agent
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.sleep = sleep
        self._session = None

    @property
    def session(self):
        if self._session is None:
            self._session = requests.Session()
            # trust_env would let a .netrc entry replace the signed Authorization header; proxies are taken
            # from the environment explicitly instead (request()).
            self._session.trust_env = False
        return self._session

    def backoff(self, attempt, retry_after=None):
        if retry_after is not None:
            return min(retry_after, MAX_RETRY_AFTER)
        return random.uniform(0, min(self.backoff_cap, self.backoff_base * (2 ** attempt)))

    def request(self, method, url, params=None, body=None, headers=None, idempotent=None):
        """Send one request, retrying 429, 5xx and connection errors. Returns a Response or raises ApiError.

        ``idempotent`` defaults to true for every method but POST; a POST that carries an idempotency
        token (OCI ``opc-retry-token``) is idempotent too. Non-idempotent requests are retried only when the
        service cannot have acted on them (429, or a connection that was never made).
        """
        method = method.upper()
        if params:
            url = "%s?%s" % (url, encode_query(params))
        if isinstance(body, (dict, list)):
            body = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        elif isinstance(body, str):
            body = body.encode("utf-8")
        base_headers = {"content-type": "application/json", "accept": "application/json", "user-agent": self.user_agent}
        base_headers.update(dict((k.lower(), v) for k, v in (headers or {}).items()))
        if idempotent is None:
            idempotent = method != "POST" or "opc-retry-token" in base_headers

        proxies = requests.utils.get_environ_proxies(url)  # HTTPS_PROXY / HTTP_PROXY / NO_PROXY
        refreshed = False
        attempt = failures = 0  # requests sent; failures that cost a retry
        throttled_wait = 0.0
        while True:
            attempt += 1
            send_headers = dict(base_headers)
            self.signer.sign(method, url, send_headers, body)
            try:
                resp = self.session.request(method, url, data=body, headers=send_headers, timeout=self.timeout,
                                            verify=self.verify, allow_redirects=False, proxies=proxies, stream=True)
                raw = _read_capped(resp)
            except requests.exceptions.SSLError as exc:
                raise ApiError(0, "TLSError", "TLS verification failed (%s); set ca_bundle to trust the service's CA"
                               % _tls_reason(exc), method=method, url=url, attempts=attempt)
            except (requests.exceptions.ConnectionError, requests.exceptions.Timeout,
                    requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError) as exc:
                never_sent = isinstance(exc, requests.exceptions.ConnectTimeout) or _connection_refused(exc)
                failures += 1
                if failures <= self.retries and (idempotent or never_sent):
                    self.sleep(self.backoff(failures))
                    continue
                raise ApiError(0, "ConnectionError", _connection_reason(exc), method=method, url=url,
                               attempts=attempt, ambiguous=not never_sent)
            except (requests.exceptions.RequestException, ValueError) as exc:
                # InvalidHeader and the like quote the header's value, which may be a secret: only the kind is told
                raise ApiError(0, "RequestError", "the request could not be sent (%s)" % type(exc).__name__,
                               method=method, url=url, attempts=attempt)
            if raw is None:
                raise ApiError(resp.status_code, "ResponseTooLarge", "the service's answer is larger than %d bytes"
                               % MAX_BODY, request_id_of(resp.headers), method, url, attempts=attempt,
                               ambiguous=method != "GET")

            resp_headers = resp.headers
            body_data, error = decode_body(resp.status_code, resp_headers, raw)
            if error is None:
                return Response(resp.status_code, resp_headers, body_data, method, url)

            status = resp.status_code
            if status == 401 and not refreshed and hasattr(self.signer, "refresh"):
                refreshed = True
                self.signer.refresh()
                continue
            retry_after = _retry_after(resp_headers)
            if status == 429 and retry_after is not None and throttled_wait + retry_after <= MAX_THROTTLED_WAIT:
                delay = self.backoff(failures, retry_after)
                throttled_wait += delay
                self.sleep(delay)
                continue
            failures += 1
            retryable = status == 429 or (status in RETRYABLE_STATUS and idempotent)
            if retryable and failures <= self.retries:
                self.sleep(self.backoff(failures, retry_after))
                continue
            code, message = error
            # a 5xx may come after the service acted; a 2xx with an unreadable body certainly does
            raise ApiError(status, code, message, request_id_of(resp_headers), method, url, attempts=attempt,
                           ambiguous=method != "GET" and (status >= 500 or status < 300))


def _read_capped(resp):
    """The body, or None when it is larger than MAX_BODY (the connection is then closed)."""
    raw = bytearray()
    for chunk in resp.iter_content(65536):
        raw += chunk
        if len(raw) > MAX_BODY:
            resp.close()
            return None
    return bytes(raw)


def _retry_after(headers):
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


def _connection_refused(exc):
    text = repr(exc)
    return "NewConnectionError" in text or "Connection refused" in text or "Name or service not known" in text


def _connection_reason(exc):
    text = str(exc)
    match = re.search(r"\(Caused by ([^(]+)\(", text)
    return "connection failed: %s" % (match.group(1) if match else text[:200])


def _tls_reason(exc):
    match = re.search(r"(certificate verify failed[^)'\"]*)", str(exc))
    return match.group(1) if match else "certificate not trusted"
