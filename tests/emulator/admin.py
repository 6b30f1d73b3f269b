"""The unsigned admin API under `/_emulator/` (health, request log, faults, settings, objects, reset)."""

import base64
import binascii

from .router import Router
from .wire import Response, json_response, parse_json

ADMIN_PREFIX = '/_emulator/'


class Admin:

    def __init__(self, emulator):
        self.emulator = emulator
        self.router = Router()
        self.router.add('GET', '/_emulator/health', self.health)
        self.router.add('GET', '/_emulator/requests', self.requests)
        self.router.add('DELETE', '/_emulator/requests', self.clear_requests)
        self.router.add('GET', '/_emulator/faults', self.faults)
        self.router.add('PUT', '/_emulator/faults', self.set_faults)
        self.router.add('DELETE', '/_emulator/faults', self.clear_faults)
        self.router.add('GET', '/_emulator/settings', self.settings)
        self.router.add('PUT', '/_emulator/settings', self.set_settings)
        self.router.add('GET', '/_emulator/objects', self.objects)
        self.router.add('PUT', '/_emulator/objects', self.put_objects)
        self.router.add('POST', '/_emulator/reset', self.reset)

    def handle(self, request):
        handler, _params = self.router.match(request.method, request.path)
        if handler is None:
            return json_response(404, {'error': 'no admin operation %s %s' % (request.method, request.path)})
        try:
            return handler(request)
        except ValueError as err:
            return json_response(400, {'error': str(err)})

    def health(self, request):
        return json_response(200, {'status': 'ok', 'services': sorted(self.emulator.services), 'time': self.emulator.clock.now()})

    def requests(self, request):
        since = request.param('since')
        try:
            since = int(since or 0)
        except ValueError:
            raise ValueError('since must be an integer sequence number')
        return json_response(200, {'requests': self.emulator.log.since(since)})

    def clear_requests(self, request):
        self.emulator.log.clear()
        return Response(204)

    def faults(self, request):
        return json_response(200, self.emulator.faults.describe())

    def set_faults(self, request):
        body = parse_json(request.body)
        if not isinstance(body, dict):
            raise ValueError('expected {"seed": int, "faults": [rule, ...]}')
        self.emulator.faults.configure(body.get('seed', 0), body.get('faults', []))
        return self.faults(request)

    def clear_faults(self, request):
        self.emulator.faults.configure(0, [])
        return Response(204)

    def settings(self, request):
        return json_response(200, self.emulator.settings.describe())

    def set_settings(self, request):
        body = parse_json(request.body)
        self.emulator.settings.update(body)
        self.emulator.clock.set_time_scale(self.emulator.settings.time_scale)
        return self.settings(request)

    def objects(self, request):
        """The emulated Object Storage (what Vision jobs read and write), filtered by namespace, bucket, name prefix."""
        wanted = [(index, request.param(name)) for index, name in enumerate(('namespace', 'bucket'))]
        prefix = request.param('prefix') or ''
        found = [{'namespace': key[0], 'bucket': key[1], 'name': key[2], 'size': len(data),
                  'data': base64.b64encode(data).decode('ascii')}
                 for key, data in sorted(self.emulator.store.objects.items())
                 if all(value is None or key[index] == value for index, value in wanted) and key[2].startswith(prefix)]
        return json_response(200, {'objects': found})

    def put_objects(self, request):
        """Add or replace objects: `{"objects": [{"namespace", "bucket", "name", "data" (base64) | "text"}]}`."""
        body = parse_json(request.body)
        items = body.get('objects') if isinstance(body, dict) else None
        if not isinstance(items, list):
            raise ValueError('expected {"objects": [{"namespace", "bucket", "name", "data" or "text"}, ...]}')
        added = {}
        for item in items:
            if not isinstance(item, dict) or not all(isinstance(item.get(key), str) and item[key] for key in ('namespace', 'bucket', 'name')):
                raise ValueError('every object needs a namespace, a bucket and a name')
            if isinstance(item.get('text'), str):
                data = item['text'].encode('utf-8')
            else:
                try:
                    data = base64.b64decode(item.get('data') or '', validate=True)
                except (binascii.Error, ValueError):
                    raise ValueError('data of %s must be base64' % item['name'])
            added[(item['namespace'], item['bucket'], item['name'])] = data
        self.emulator.store.objects.update(added)
        return json_response(200, {'added': len(added)})

    def reset(self, request):
        self.emulator.reset()
        return Response(204)
