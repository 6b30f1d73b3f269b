"""The emulator: state + services behind one dispatcher, served by `http.server` on a loopback port."""

import collections
import email.utils
import ipaddress
import socket
import ssl
import threading
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .admin import ADMIN_PREFIX, Admin
from .clock import Clock
from .config import EmulatorConfig, Settings, load_config
from .fabric import FabricService
from .faults import BODY_KINDS, FaultInjector, html_page, spoil
from .genai import API_VERSION as GENAI_VERSION, make_genai_service
from .identity import FEDERATION_PATH, IMDS_PREFIX, Identity
from .request_log import RequestLog
from .store import Store
from .vision import API_VERSION as VISION_VERSION, VisionService
from .wire import Request, Response, json_response

Service = collections.namedtuple('Service', 'handle fault_response')


class Emulator:
    """All state and services of one emulator instance. `dispatch` answers one request."""

    def __init__(self, config=None, delay=1.0, time_scale=1.0, request_log=None):
        """`request_log`: a file path to append every request to (see request_log.py)."""
        self.request_log_file = open(request_log, 'a', encoding='utf-8') if request_log else None
        self.config = config if isinstance(config, EmulatorConfig) else load_config(config)
        self.lock = threading.RLock()
        self._initial_settings = (delay, time_scale)
        self.identity = Identity(self)
        genai = make_genai_service(self)
        vision = VisionService(self)
        fabric = FabricService(self)
        self.services = {
            'genai': Service(genai.handle, genai.fault_response),
            'vision': Service(vision.handle, vision.fault_response),
            'fabric': Service(fabric.handle, fabric.fault_response),
            'imds': Service(self.identity.handle_imds, self.identity.fault_response),
            'federation': Service(self.identity.handle_federation, self.identity.fault_response),
        }
        self.admin = Admin(self)
        self.reset()

    def reset(self):
        """Back to the start: empty store and log, no faults, start-up settings."""
        delay, time_scale = self._initial_settings
        self.settings = Settings(delay, time_scale)
        self.clock = Clock(time_scale)
        self.store = Store()
        self.log = RequestLog(self.request_log_file)
        self.faults = FaultInjector(tuple(self.services))

    @staticmethod
    def service_name(path):
        if path == FEDERATION_PATH:  # shares the /v1/ prefix with DataArts Fabric
            return 'federation'
        if path.startswith(IMDS_PREFIX + '/'):
            return 'imds'
        if path.startswith('/%s/' % GENAI_VERSION):
            return 'genai'
        if path.startswith('/%s/' % VISION_VERSION):
            return 'vision'
        if path.startswith('/v1/') or path == '/healthcheck':  # DataArts Fabric's health check has no /v1/
            return 'fabric'
        return None

    def dispatch(self, request):
        """The response to send, or None to close the connection without answering."""
        with self.lock:
            if request.path.startswith(ADMIN_PREFIX):
                return self.admin.handle(request)
            name = self.service_name(request.path)
            if name is None:
                self.log.add(None, request, 404, None, None)
                return json_response(404, {'code': 'NotFound', 'message': 'No emulated service serves %s.' % request.path})
            service = self.services[name]
            rule = self.faults.pick(name, request.method, request.path)
            fault = rule.kind if rule else None
            if fault == 'drop_before':
                self.log.add(name, request, None, None, fault)
                return None
            if fault in ('throttle', 'rate_limit'):
                response = service.fault_response(request, 429, rule.retry_after)
            elif fault == 'error':
                response = service.fault_response(request, rule.status)
            elif fault == 'html':
                response = html_page(rule.status)
            else:
                response = self._handle_safely(service, request)
                if fault in BODY_KINDS:
                    response = spoil(fault, response, rule.value, rule.key)
            request_id = response.header('opc-request-id') or response.header('X-Request-Id')
            self.log.add(name, request, response.status, request_id, fault, response.replayed)
            return None if fault == 'drop_after' else response

    @staticmethod
    def _handle_safely(service, request):
        """A bug in the emulator answers 500 with the reason instead of dropping the connection."""
        try:
            return service.handle(request)
        except Exception as err:
            traceback.print_exc()
            return json_response(500, {'code': 'InternalServerError', 'message': 'emulator bug: %r' % err,
                                       'error_code': 'common.00000500', 'error_msg': 'emulator bug: %r' % err})


class _Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'
    server_version = 'cloudai-emulator'
    disable_nagle_algorithm = True  # headers and body are separate writes: avoid the 40 ms delayed-ACK stall

    def _serve(self):
        if self.headers.get('Transfer-Encoding'):
            self.close_connection = True
            self._send(Response(411, b'send a Content-Length body, not Transfer-Encoding\n'))
            return
        body = self.rfile.read(int(self.headers.get('Content-Length') or 0))
        response = self.server.emulator.dispatch(Request(self.command, self.path, self.headers, body))
        if response is None:
            self.close_connection = True
            return
        self._send(response)

    def _send(self, response):
        self.send_response(response.status)
        for name, value in response.headers.items():
            self.send_header(name, value)
        if response.status not in (204, 304):
            self.send_header('Content-Length', str(len(response.body)))
        self.end_headers()
        self.wfile.write(response.body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _serve

    def date_time_string(self, timestamp=None):
        """The Date header follows the emulated clock, like the timestamps in the bodies (a client may compare them)."""
        return email.utils.formatdate(self.server.emulator.clock.now() if timestamp is None else timestamp, usegmt=True)

    def log_message(self, format, *args):
        """Silence the per-request stderr line; `GET /_emulator/requests` is the log."""


class EmulatorServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, emulator, host, port, ssl_context=None):
        if ':' in host:
            self.address_family = socket.AF_INET6
        super().__init__((host, port), _Handler)
        self.emulator = emulator
        self.scheme = 'https' if ssl_context else 'http'
        if ssl_context:
            self.socket = ssl_context.wrap_socket(self.socket, server_side=True)

    @property
    def url(self):
        host, port = self.server_address[:2]
        return '%s://%s:%d' % (self.scheme, '[%s]' % host if ':' in host else host, port)


def check_loopback(host):
    if host == 'localhost':
        return
    try:
        if ipaddress.ip_address(host).is_loopback:
            return
    except ValueError:
        pass
    raise ValueError('the emulator listens on loopback addresses only, not %r' % host)


def make_server(host='127.0.0.1', port=0, delay=1.0, time_scale=1.0, config=None, tls_cert=None, tls_key=None,
                request_log=None):
    check_loopback(host)
    context = None
    if tls_cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(tls_cert, tls_key)
    return EmulatorServer(Emulator(config, delay, time_scale, request_log), host, port, context)


class EmulatorHandle:
    """A running emulator in a daemon thread: `.url`, `.port`, `.emulator` (state, for tests), `.stop()`."""

    def __init__(self, server):
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, kwargs={'poll_interval': 0.05}, name='emulator', daemon=True)
        self._thread.start()
        self.emulator = server.emulator
        self.port = server.server_address[1]
        self.url = server.url

    def stop(self):
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.stop()


def start_emulator(host='127.0.0.1', port=0, delay=1.0, time_scale=1.0, config=None, tls_cert=None, tls_key=None,
                   request_log=None):
    """Start an emulator in a background thread; `config` is None, a dict or a JSON file path."""
    return EmulatorHandle(make_server(host, port, delay, time_scale, config, tls_cert, tls_key, request_log))
