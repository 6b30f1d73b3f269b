"""`python -m emulator` (with `tests` as the working directory or on PYTHONPATH)."""

import argparse
import os
import signal
import sys

from .server import make_server


def _exit_cleanly(signum, frame):
    raise SystemExit(0)


def main(argv=None):
    parser = argparse.ArgumentParser(prog='python -m emulator', description='Local emulator of the cloud AI control-plane APIs.')
    parser.add_argument('--host', default='127.0.0.1', help='loopback address to listen on')
    parser.add_argument('--port', type=int, default=0, help='port (0 = pick a free one)')
    parser.add_argument('--port-file', help='write the chosen port to this file')
    parser.add_argument('--delay', type=float, default=1.0, help='emulated seconds a lifecycle transition takes')
    parser.add_argument('--time-scale', type=float, default=1.0, help='how much faster than real time the emulated clock runs')
    parser.add_argument('--config', help='JSON file with extra credentials')
    parser.add_argument('--tls-cert', help='serve HTTPS with this certificate (PEM)')
    parser.add_argument('--tls-key', help='private key of --tls-cert (PEM)')
    parser.add_argument('--request-log', help='append every request (method, path, query, JSON body) to this file as JSON lines')
    args = parser.parse_args(argv)
    if bool(args.tls_cert) != bool(args.tls_key):
        parser.error('--tls-cert and --tls-key go together')
    if args.time_scale <= 0 or args.delay < 0:
        parser.error('--time-scale must be positive and --delay not negative')
    try:
        server = make_server(args.host, args.port, args.delay, args.time_scale, args.config, args.tls_cert, args.tls_key,
                             args.request_log)
    except (OSError, ValueError) as err:
        parser.error(str(err))

    signal.signal(signal.SIGTERM, _exit_cleanly)
    print('emulator listening on %s' % server.url, flush=True)
    if args.port_file:
        partial_file = args.port_file + '.tmp'
        with open(partial_file, 'w') as port_file:
            port_file.write('%d\n' % server.server_address[1])
        os.replace(partial_file, args.port_file)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == '__main__':
    sys.exit(main())
