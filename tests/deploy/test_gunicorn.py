"""gunicorn started as the web unit starts it (deploy/systemd/stazhirovki-web.service:
`gunicorn -c deploy/gunicorn.conf.py config.wsgi`), with the production environment of
deploy/portal.env.example, behind nginx with the site of deploy/nginx/portal.conf.

/health/live/ touches neither the database nor the queue, so the node needs no services
to answer it. Skipped, with the reason, where nginx is not installed.
"""

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.deploy.environment import production_environment
from tests.deploy.nginx_support import (
    PROJECT,
    ask,
    free_port,
    require_nginx,
    start_nginx,
    wait_for_port,
)

GUNICORN = Path(sys.executable).with_name("gunicorn")


def wait_until_a_worker_answers(port: int, log: Path, seconds: float = 90) -> None:
    """The master listens at once; its worker loads the portal first (on a busy machine it
    takes a while)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            if ask(port, "GET", "/health/live/", tls=False, source="127.0.0.1").status == 200:
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"gunicorn не ответил:\n{log.read_text(errors='replace')}")
        time.sleep(0.2)


@pytest.fixture(scope="module")
def web_node(tmp_path_factory):
    """One gunicorn worker on a free port; its access log in the test's folder."""
    tmp_path = tmp_path_factory.mktemp("web-node")
    port = free_port()
    log = tmp_path / "gunicorn.log"
    environment = production_environment(tmp_path) | {
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_ACCESS_LOG": str(tmp_path / "access.log"),
    }
    with log.open("wb") as handle:
        process = subprocess.Popen(
            [str(GUNICORN), "-c", "deploy/gunicorn.conf.py", "config.wsgi"],
            cwd=PROJECT, env=environment, stdout=handle, stderr=subprocess.STDOUT)
        try:
            wait_for_port(port, process=process, log=log, seconds=30)
            wait_until_a_worker_answers(port, log)
            yield port, tmp_path / "access.log", log
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)


def test_it_serves_the_portal_with_gunicorns_config_behind_nginx(web_node, tmp_path):
    require_nginx()
    port, access_log, log = web_node
    nginx = start_nginx(tmp_path / "nginx", upstream_port=port,
                        static_root=tmp_path / "static", media_root=tmp_path / "media")
    try:
        live = ask(nginx.https_port, "GET", "/health/live/", source="127.0.0.2")
    finally:
        nginx.stop()

    assert live.status == 200, log.read_text(errors="replace")[-3000:]
    assert json.loads(live.body) == {"status": "ok"}
    # The portal knows the request came over HTTPS (X-Forwarded-Proto from nginx): it sends
    # HSTS, which it sends on secure requests only.
    assert "max-age=31536000" in live.headers["strict-transport-security"]
    # The access log names the client nginx saw, then the proxy.
    assert "127.0.0.2 via 127.0.0.1" in access_log.read_text()


def test_it_answers_health_checks_of_a_load_balancer_over_plain_http(web_node):
    port, _, log = web_node

    live = ask(port, "GET", "/health/live/", tls=False, source="127.0.0.1")
    page = ask(port, "GET", "/accounts/login/", tls=False, source="127.0.0.1")

    assert live.status == 200, log.read_text(errors="replace")[-3000:]
    assert "strict-transport-security" not in live.headers
    assert page.status == 301
    assert page.headers["location"] == "https://portal.example.org/accounts/login/"


def test_it_starts_two_workers_per_core_by_default():
    config: dict = {}
    exec(compile((PROJECT / "deploy" / "gunicorn.conf.py").read_text(), "gunicorn.conf.py",
                 "exec"), config)
    import multiprocessing

    assert config["workers"] == 2 * multiprocessing.cpu_count()
    assert config["timeout"] == 30
    assert config["forwarded_allow_ips"] == "127.0.0.1"
    assert config["control_socket_disable"] is True
