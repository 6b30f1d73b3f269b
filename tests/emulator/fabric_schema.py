"""Request-body checks for DataArts Fabric, with the length / character / enum rules of api/huawei-dataarts-fabric.md.

A schema is built from `Str`, `Int`, `Bool`, `Obj`, `Arr` and `Any`; `schema.check(value, path)` returns the
accepted value (unset fields dropped) or raises `FabricError` 400 `common.01000001` naming the field by its dotted
path. Unknown fields are refused, also inside nested objects, so that client bugs surface.
"""

import re

BAD_INPUT = 'common.01000001'


class FabricError(Exception):

    def __init__(self, status, code, message):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def bad_input(message):
    return FabricError(400, BAD_INPUT, message)


class Str:

    def __init__(self, required=False, min_length=0, max_length=None, pattern=None, choices=None, rule=None):
        self.required = required
        self.min_length = min_length
        self.max_length = max_length
        self.pattern = re.compile(pattern) if pattern else None
        self.choices = choices
        self.rule = rule or (pattern and 'characters that are allowed: %s' % pattern)

    def check(self, value, path):
        if not isinstance(value, str):
            raise bad_input('%s must be a string.' % path)
        if self.choices is not None and value not in self.choices:
            raise bad_input('%s must be one of %s, not %r.' % (path, ', '.join(self.choices), value))
        if len(value) < self.min_length or (self.max_length is not None and len(value) > self.max_length):
            raise bad_input('%s must be %d to %s characters long.' % (path, self.min_length, self.max_length))
        if self.pattern and not self.pattern.match(value):
            raise bad_input('%s %r has characters that are not allowed (%s).' % (path, value, self.rule))
        return value


class Int:

    def __init__(self, required=False, minimum=None, maximum=None):
        self.required = required
        self.minimum = minimum
        self.maximum = maximum

    def check(self, value, path):
        if isinstance(value, bool) or not isinstance(value, int):
            raise bad_input('failed to read http request, please check your input, code: 400, reason: Type mismatch., '
                            'cause: %s must be an integer' % path)
        if (self.minimum is not None and value < self.minimum) or (self.maximum is not None and value > self.maximum):
            raise bad_input('%s must be between %s and %s, not %s.' % (path, self.minimum, self.maximum, value))
        return value


class Bool:

    def __init__(self, required=False):
        self.required = required

    def check(self, value, path):
        if not isinstance(value, bool):
            raise bad_input('%s must be true or false.' % path)
        return value


class Any:
    """A JSON object taken as given (the large ray_service_config schema is not modelled)."""

    def __init__(self, required=False):
        self.required = required

    def check(self, value, path):
        if not isinstance(value, dict):
            raise bad_input('%s must be an object.' % path)
        return value


class Obj:
    """An object with these fields; `rule(value, path)` may check relations between them."""

    def __init__(self, required=False, rule=None, **fields):
        self.required = required
        self.fields = fields
        self.rule = rule

    def check(self, value, path=None):
        if not isinstance(value, dict):
            raise bad_input('%s must be a JSON object.' % (path or 'The request body'))
        prefix = path + '.' if path else ''
        for name in sorted(value):
            if name not in self.fields:
                raise bad_input('Field %s%s is not accepted here.' % (prefix, name))
        accepted = {}
        for name, schema in self.fields.items():
            if value.get(name) is None:
                if schema.required:
                    raise bad_input('Field %s%s is required.' % (prefix, name))
                continue
            accepted[name] = schema.check(value[name], prefix + name)
        if self.rule:
            self.rule(accepted, path or 'body')
        return accepted

    def optional(self, *names):
        """The same object with only these fields, none of them required (an update body)."""
        fields = {}
        for name in names:
            schema = self.fields[name]
            copy = schema.__class__.__new__(schema.__class__)
            copy.__dict__.update(schema.__dict__, required=False)
            fields[name] = copy
        return Obj(**fields)


class Arr:

    def __init__(self, items, required=False, max_items=None):
        self.items = items
        self.required = required
        self.max_items = max_items

    def check(self, value, path):
        if not isinstance(value, list):
            raise bad_input('%s must be a list.' % path)
        if self.max_items is not None and len(value) > self.max_items:
            raise bad_input('%s may have at most %d items.' % (path, self.max_items))
        return [self.items.check(item, '%s[%d]' % (path, index)) for index, item in enumerate(value)]
