"""The unsigned admin API under `/_emulator/` (health, request log, faults, settings, reset)."""

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

    def reset(self, request):
        self.emulator.reset()
        return Response(204)
