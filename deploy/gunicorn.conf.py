"""gunicorn settings of a web node: `gunicorn -c deploy/gunicorn.conf.py config.wsgi`.

Every value can be changed from the environment file (deploy/portal.env.example) without
editing this file.
"""

import multiprocessing
import os

# nginx on the same machine proxies to this address (deploy/nginx/portal.conf, upstream).
# On a web node behind a separate nginx, listen on the node's private address instead.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Two workers per core (bench/RESULTS.md): a page spends part of its time waiting for
# PostgreSQL, so one worker per core leaves the cores idle.
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count()))

# No request of the portal takes long: uploads and reports run in the background worker.
# A worker silent for this many seconds is hung and is replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# nginx keeps connections to the upstream open (keepalive in the upstream block).
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# A worker is replaced after this many requests, so slow leaks do not add up.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "200"))

# Only nginx may tell gunicorn the scheme (X-Forwarded-Proto); the portal itself takes the
# client address from X-Forwarded-For through PORTAL_PROXY_COUNT (config/settings.py).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")

# Access log on stdout (journald under systemd): the client's address as nginx saw it
# (X-Forwarded-For), the proxy's address, the request, the status, the size and the time
# in seconds.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = (
    '%({x-forwarded-for}i)s via %(h)s %(u)s [%(t)s] "%(r)s" %(s)s %(B)s %(L)ss '
    '"%(f)s" "%(a)s"'
)

# Application code is loaded in each worker, after the fork: database and broker
# connections are never shared between workers.
preload_app = False

# gunicorn's control socket (for `gunicornc`) is not used: reload and stop go through
# systemd signals, and its default path in the home folder would be shared by every
# gunicorn of the user.
control_socket_disable = True
