"""Path templates (`/things/{thing_id}`) to handlers."""

import re


class Router:

    def __init__(self):
        self._routes = []

    def add(self, method, template, handler):
        pattern = re.sub(r'\\\{(\w+)\\\}', r'(?P<\1>[^/]+)', re.escape(template))
        self._routes.append((method, re.compile('^' + pattern + '$'), handler))

    def match(self, method, path):
        """Return (handler, path parameters), or (None, None) when nothing matches."""
        for route_method, pattern, handler in self._routes:
            found = pattern.match(path)
            if found and route_method == method:
                return handler, found.groupdict()
        return None, None
