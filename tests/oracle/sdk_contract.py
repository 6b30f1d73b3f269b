"""What the official SDKs say a request may be: operations (method and path template), their query parameters,
header parameters and body model, and the models' fields (wire names, types, required ones), read from the
`oci`, `huaweicloudsdkdataartsfabric` and `huaweicloudsdkdataartsfabricep` (the companion client: job runs, service
instances) packages themselves. `check(service, request)` lists what in one logged
request (see tests/emulator/request_log.py) the SDK does not know or misses.
"""

import ast
import collections
import importlib
import inspect
import re

Operation = collections.namedtuple('Operation', 'name method template pattern path_params query required_query headers body models')

PRIMITIVES = {'str': str, 'int': int, 'float': (int, float), 'bool': bool, 'object': object, 'datetime': str, 'date': str}
OCI_SERVICES = {  # service -> (client module, client class, models module, API version prefix)
    'genai': ('oci.generative_ai.generative_ai_client', 'GenerativeAiClient', 'oci.generative_ai.models', '/20231130'),
    'vision': ('oci.ai_vision.ai_service_vision_client', 'AIServiceVisionClient', 'oci.ai_vision.models', '/20220125'),
}
FABRIC_CLIENTS = (('huaweicloudsdkdataartsfabric.v1', 'DataArtsFabricClient'),
                  ('huaweicloudsdkdataartsfabricep.v1', 'DataArtsFabricEpClient'))


def _pattern(template):
    return re.compile('^%s$' % re.sub(r'\\{[^}]+\\}', '[^/]+', re.escape(template)))


def _literal_keys(node):
    return [key.value for key in node.keys if isinstance(key, ast.Constant)]


def _oci_operations(client_module):
    """Every operation of an OCI client, from the source of its methods."""
    tree = ast.parse(inspect.getsource(importlib.import_module(client_module)))
    operations = []
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef):
            continue
        found = {}
        for node in function.body:
            if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name) and node.targets[0].id not in found:
                found[node.targets[0].id] = node.value
        if 'resource_path' not in found or not isinstance(found.get('query_params', ast.Dict()), ast.Dict):
            continue
        query = found.get('query_params', ast.Dict(keys=[], values=[]))
        required_query = [key.value for key, value in zip(query.keys, query.values) if isinstance(value, ast.Name)]
        doc = ast.get_docstring(function) or ''
        body = re.search(r':param oci\.\w+\.models\.(\w+) \w+: \(required\)', doc)
        template = found['resource_path'].value
        operations.append(Operation(
            function.name, found['method'].value, template, _pattern(template), re.findall(r'{(\w+)}', template),
            _literal_keys(query), required_query, _literal_keys(found.get('header_params', ast.Dict(keys=[], values=[]))),
            body.group(1) if body else None, None))
    return operations


def _fabric_operations(package_name, client_name):
    """Every operation of a Fabric client: each `_<name>_http_info` run on a request whose fields are all set; its
    models are those of the client's package."""
    package = importlib.import_module(package_name)
    client = getattr(package, client_name)
    operations = []
    for attribute in dir(client):
        match = re.match(r'^_(\w+)_http_info$', attribute)
        if not match:
            continue
        request_class = getattr(package, ''.join(part.capitalize() for part in match.group(1).split('_')) + 'Request')
        request = request_class(**{name: 'x' for name in request_class.openapi_types})
        info = getattr(client, attribute)(request)
        body = request_class.openapi_types.get('body')
        query = [name for name, _value in info['query_params']]
        required = _required_fields(request_class)
        operations.append(Operation(
            match.group(1), info['method'], info['resource_path'], _pattern(info['resource_path']),
            list(info['path_params']), query, [name for name in query if name in required], list(info['header_params']),
            body, package))
    return operations


def _required_fields(model):
    """Huawei models set a required field unconditionally in __init__, an optional one under `if ... is not None`."""
    return set(re.findall(r'^        self\.(\w+) = \1$', inspect.getsource(model.__init__), re.MULTILINE))


class Contract:
    """The operations and models of one service."""

    def __init__(self, service):
        self.service = service
        if service == 'fabric':
            self.operations = [op for package, client in FABRIC_CLIENTS for op in _fabric_operations(package, client)]
            self.models = None  # each operation's own package
            self.prefix = ''
        else:
            client_module, _client_class, models_module, self.prefix = OCI_SERVICES[service]
            self.operations = _oci_operations(client_module)
            self.models = importlib.import_module(models_module)

    def operation(self, method, path):
        """The operation serving `method path` (the most literal template when several match), or None. Each
        segment is matched as sent: a value with an encoded '/' (a warm pool's name) is one path parameter."""
        if not path.startswith(self.prefix + '/'):
            return None
        path = path[len(self.prefix):]
        matches = [op for op in self.operations if op.method == method and op.pattern.match(path)]
        return min(matches, key=lambda op: len(op.path_params), default=None)

    def model_fields(self, name, value, models=None):
        """(model class name, {wire name: (type, required)}) of model `name`, or of its subtype for this value."""
        model = getattr(models or self.models, name)
        if self.service != 'fabric' and hasattr(model, 'get_subtype') and isinstance(value, dict):
            try:
                model = getattr(self.models, model.get_subtype(value))
            except KeyError:
                pass  # no discriminator given: checked as the base model, which requires it
        if self.service == 'fabric':
            types, names, required = model.openapi_types, model.attribute_map, _required_fields(model)
        else:  # OCI models declare their fields in __init__; required ones say so in their getter's docstring
            instance = model()
            types, names = instance.swagger_types, instance.attribute_map
            required = {attribute for attribute in types if '**[Required]**' in (getattr(model, attribute).__doc__ or '')}
        return model.__name__, {names[attribute]: (kind, attribute in required) for attribute, kind in types.items()}

    def enum_values(self, kind, models=None):
        """The values of a Huawei enum model (a class of constants without fields), or None."""
        model = getattr(models or self.models, kind)
        if self.service != 'fabric' or model.openapi_types:
            return None
        return [value for name, value in vars(model).items() if name.isupper() and isinstance(value, str)]

    def check_value(self, kind, value, where, problems, models=None):
        """``models``: the module of the operation's models (Fabric), else the service's."""
        if value is None:
            return
        listed = re.match(r'^list\[(.+)\]$', kind)
        mapped = re.match(r'^dict\(str, (.+)\)$', kind)
        if listed or mapped:
            expected = list if listed else dict
            if not isinstance(value, expected):
                problems.append('%s: %s expected, got %r' % (where, kind, value))
            elif listed:
                for index, item in enumerate(value):
                    self.check_value(listed.group(1), item, '%s[%d]' % (where, index), problems, models)
            else:
                for key, item in value.items():
                    self.check_value(mapped.group(1), item, '%s.%s' % (where, key), problems, models)
        elif kind in PRIMITIVES:
            if not isinstance(value, PRIMITIVES[kind]) or (kind in ('int', 'float') and isinstance(value, bool)):
                problems.append('%s: %s expected, got %r' % (where, kind, value))
        elif self.enum_values(kind, models) is not None:
            if value not in self.enum_values(kind, models):
                problems.append('%s: one of %s expected, got %r' % (where, ', '.join(self.enum_values(kind, models)), value))
        elif not isinstance(value, dict):
            problems.append('%s: an object (%s) expected, got %r' % (where, kind, value))
        else:
            model, fields = self.model_fields(kind, value, models)
            for key in value:
                if key not in fields:
                    problems.append('%s.%s: not a field of %s' % (where, key, model))
            for key, (field_kind, required) in fields.items():
                if value.get(key) is None:
                    if required:
                        problems.append('%s.%s: required by %s, missing' % (where, key, model))
                else:
                    self.check_value(field_kind, value[key], '%s.%s' % (where, key), problems, models)

    def check(self, request):
        """What the SDK does not accept in one logged request: a list of sentences, empty when it is all known."""
        operation = self.operation(request['method'], request['path'])
        if operation is None:
            return ['no %s operation serves %s %s' % (self.service, request['method'], request['path'])]
        problems = []
        sent = [name for name, _value in request['query']]
        for name in sent:
            if name not in operation.query:
                problems.append('query parameter %s: not a parameter of %s' % (name, operation.name))
        for name in operation.required_query:
            if name not in sent:
                problems.append('query parameter %s: required by %s, missing' % (name, operation.name))
        for name in request.get('headers', ()):
            if name not in [header.lower() for header in operation.headers]:
                problems.append('header %s: not a parameter of %s' % (name, operation.name))
        if operation.body is None:
            if request['body'] is not None:
                problems.append('%s takes no body' % operation.name)
        elif request['body'] is None:
            problems.append('%s needs a %s body' % (operation.name, operation.body))
        else:
            self.check_value(operation.body, request['body'], 'body', problems, operation.models)
        return ['%s %s: %s' % (request['method'], request['path'], problem) for problem in problems]
