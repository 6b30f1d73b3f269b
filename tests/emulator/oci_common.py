"""OCI wire conventions shared by the OCI services: errors, OCIDs, etags, field checks, sorting, paging."""

import base64
import hashlib
import json
import secrets
import string

from .wire import json_response, parse_json

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
_OCID_ALPHABET = string.ascii_lowercase + string.digits


class OciError(Exception):
    """An OCI error answer: `{"code", "message"}` with an HTTP status."""

    def __init__(self, status, code, message):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message

    def response(self, headers=None):
        return json_response(self.status, {'code': self.code, 'message': self.message}, headers)


def invalid(message):
    return OciError(400, 'InvalidParameter', message)


def not_found(what):
    return OciError(404, 'NotAuthorizedOrNotFound', 'Authorization failed or requested resource not found: %s.' % what)


def new_ocid(resource_type, region):
    unique = ''.join(secrets.choice(_OCID_ALPHABET) for _i in range(52))
    return 'ocid1.%s.oc1.%s.amaaaaaa%s' % (resource_type, region, unique)


def stable_ocid(resource_type, region, seed):
    """The same OCID every time for the same seed (catalogue entries such as base models)."""
    digest = hashlib.sha256(seed.encode('utf-8')).digest()
    digest += hashlib.sha256(digest).digest()
    return 'ocid1.%s.oc1.%s.amaaaaaa%s' % (resource_type, region, ''.join(_OCID_ALPHABET[byte % 36] for byte in digest[:52]))


def etag_of(data):
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode('utf-8')).hexdigest()


def check_etag(request, current_view):
    expected = request.header('if-match')
    if expected and expected != '*' and expected != etag_of(current_view):
        raise OciError(412, 'NoEtagMatch', 'The if-match value %s does not match the current etag of the resource.' % expected)


def json_object(request):
    """The request body as a JSON object (400 CannotParseRequest otherwise)."""
    try:
        body = parse_json(request.body)
    except ValueError as err:
        raise OciError(400, 'CannotParseRequest', str(err))
    if not isinstance(body, dict):
        raise OciError(400, 'CannotParseRequest', 'The request body must be a JSON object.')
    return body


def require_param(request, name):
    value = request.param(name)
    if not value:
        raise OciError(400, 'MissingParameter', 'Missing required query parameter %s.' % name)
    return value


def check_enum_param(request, name, allowed):
    value = request.param(name)
    if value is not None and value not in allowed:
        raise invalid('Query parameter %s must be one of %s, not %r.' % (name, ', '.join(allowed), value))
    return value


class Field:
    """One body field of a resource: wire name, value kind, and what create/update accept.

    kind: string | int | number | bool | string_list | freeform_tags | defined_tags | object | object_list.
    An object (or each object of an object_list) has either `fields` (its own Field list) or `variants` =
    (discriminator name, {discriminator value: Field list}). `write_only` values are checked but never stored
    or echoed. `minimum` is the least value of a number, or the least length of an object_list.
    """

    def __init__(self, name, kind='string', required=False, enum=None, updatable=False, minimum=None, fields=None,
                 variants=None, write_only=False):
        self.name = name
        self.kind = kind
        self.required = required
        self.enum = tuple(enum or ())
        self.updatable = updatable
        self.minimum = minimum
        self.fields = fields
        self.variants = variants
        self.write_only = write_only

    def check(self, value, path):
        """The accepted value (objects are checked field by field); raises OciError naming `path`."""
        if self.kind == 'object':
            if not isinstance(value, dict):
                raise invalid('%s must be an object.' % path)
            return validate_body(self._object_fields(value, path), value, prefix=path + '.')
        if self.kind == 'object_list':
            if not isinstance(value, list) or len(value) < (self.minimum or 0):
                raise invalid('%s must be a list of at least %d objects.' % (path, self.minimum or 0))
            item = Field(self.name, 'object', fields=self.fields, variants=self.variants)
            return [item.check(element, '%s[%d]' % (path, index)) for index, element in enumerate(value)]
        checks = {
            'string': (lambda v: isinstance(v, str), 'a string'),
            'int': (lambda v: isinstance(v, int) and not isinstance(v, bool), 'an integer'),
            'number': (lambda v: isinstance(v, (int, float)) and not isinstance(v, bool), 'a number'),
            'bool': (lambda v: isinstance(v, bool), 'true or false'),
            'string_list': (lambda v: isinstance(v, list) and all(isinstance(item, str) for item in v), 'a list of strings'),
            'freeform_tags': (lambda v: isinstance(v, dict) and all(isinstance(item, str) for item in v.values()),
                              'an object of string values'),
            'defined_tags': (lambda v: isinstance(v, dict) and all(isinstance(item, dict) for item in v.values()),
                             'an object of objects (namespace -> key -> value)'),
        }
        is_valid, expected = checks[self.kind]
        if not is_valid(value):
            raise invalid('%s must be %s.' % (path, expected))
        if self.minimum is not None and value < self.minimum:
            raise invalid('%s must be at least %d.' % (path, self.minimum))
        for item in (value if self.kind == 'string_list' else [value]):
            if self.enum and item not in self.enum:
                allowed = ', '.join(self.enum) if len(self.enum) <= 20 else 'the documented values'
                raise invalid('%s %r is not valid; expected one of %s.' % (path, item, allowed))
        return value

    def _object_fields(self, value, path):
        if self.variants is None:
            return self.fields
        discriminator, choices = self.variants
        selector = Field(discriminator, required=True, enum=sorted(choices))
        kind = value.get(discriminator)
        if kind is None:
            raise OciError(400, 'MissingParameter', 'Missing required field %s.%s.' % (path, discriminator))
        selector.check(kind, '%s.%s' % (path, discriminator))
        return (selector,) + tuple(choices[kind])


def validate_body(fields, body, updating=False, prefix=''):
    """Check a create (or update) body against the field list; return the accepted fields.

    `prefix` names the enclosing object in messages (`fineTuneDetails.`); write-only values are left out.
    """
    by_name = {field.name: field for field in fields}
    for name in sorted(body):
        field = by_name.get(name)
        if field is None:
            raise invalid('Unknown field %s%s in the request body.' % (prefix, name))
        if updating and not field.updatable:
            raise invalid('%s cannot be changed after creation.' % name)
    accepted = {}
    for field in fields:
        value = body.get(field.name)
        if value is None:
            if field.required and not updating:
                raise OciError(400, 'MissingParameter', 'Missing required field %s%s.' % (prefix, field.name))
            continue
        checked = field.check(value, prefix + field.name)
        if not field.write_only:
            accepted[field.name] = checked
    return accepted


def sort_items(items, request, sort_keys, default_sort_by, time_fields):
    """Order `items` by `sortBy`/`sortOrder` (time fields default to DESC, the rest to ASC)."""
    sort_by = request.param('sortBy') or default_sort_by
    if sort_by not in sort_keys:
        raise invalid('sortBy must be one of %s.' % ', '.join(sort_keys))
    order = check_enum_param(request, 'sortOrder', ('ASC', 'DESC'))
    if order is None:
        order = 'DESC' if sort_by in time_fields else 'ASC'
    return sorted(items, key=sort_keys[sort_by], reverse=order == 'DESC')


def _page_token(offset):
    return base64.urlsafe_b64encode(('offset:%d' % offset).encode('ascii')).decode('ascii').rstrip('=')


def _page_offset(token):
    try:
        text = base64.urlsafe_b64decode(token + '=' * (-len(token) % 4)).decode('ascii')
        label, _sep, number = text.partition(':')
        if label != 'offset' or not number.isdigit():
            raise ValueError(text)
        return int(number)
    except ValueError:
        raise invalid('The page token %r is not valid.' % token)


def paginate(items, request, page_size=None):
    """One page of `items` per `limit`/`page` (at most `page_size` items: the emulator's setting), and the headers
    announcing the next page."""
    raw_limit = request.param('limit')
    if raw_limit is None:
        limit = DEFAULT_LIMIT
    else:
        try:
            limit = int(raw_limit)
        except ValueError:
            limit = 0
        if not 1 <= limit <= MAX_LIMIT:
            raise invalid('limit must be an integer from 1 to %d, not %r.' % (MAX_LIMIT, raw_limit))
    limit = min(limit, page_size or limit)
    page = request.param('page')
    offset = _page_offset(page) if page else 0
    headers = {}
    if offset + limit < len(items):
        headers['opc-next-page'] = _page_token(offset + limit)
    return items[offset:offset + limit], headers
