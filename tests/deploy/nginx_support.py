"""A real nginx with the portal's site (deploy/nginx/portal.conf), run as the test's user.

The site file is used as written; only what belongs to one machine is replaced — ports,
folders, the certificate (a throwaway self-signed one made with openssl) and the upstream
address. Every replaced text must be found in the site file, so the test follows the file
instead of a copy of it. nginx runs with its prefix, pid, logs and temporary folders in the
test's folder, in the foreground; the fixture stops it.

Clients connect from other loopback addresses (127.0.0.2, 127.0.0.3 …) so that nginx sees
different client addresses, while nginx itself reaches the portal from 127.0.0.1.
"""

import contextlib
import http.client
import os
import re
import socket
import ssl
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import pytest

PROJECT = Path(__file__).resolve().parents[2]
SITE = PROJECT / "deploy" / "nginx" / "portal.conf"
NGINX = Path("/usr/sbin/nginx")
MIME_TYPES = Path("/etc/nginx/mime.types")
HOST = "portal.example.org"


def require_nginx() -> None:
    if not NGINX.exists():
        pytest.skip("nginx не установлен (Debian: apt-get install nginx): проверка портала за "
                    "настоящим nginx не запускалась.")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, *, process: subprocess.Popen, log: Path, seconds: float = 15):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"процесс завершился с кодом {process.returncode}:\n"
                                 f"{log.read_text(errors='replace')[-3000:]}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise AssertionError(f"порт {port} не открылся:\n{log.read_text(errors='replace')[-3000:]}")


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    certificate, key = folder / "fullchain.pem", folder / "privkey.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "1", "-subj", f"/CN={HOST}", "-keyout", str(key),
         "-out", str(certificate)],
        check=True, capture_output=True, timeout=30)
    return certificate, key


def site_config(*, upstream_port: int, http_port: int, https_port: int, static_root: Path,
                media_root: Path, certificate: Path, key: Path) -> str:
    text = SITE.read_text(encoding="utf-8")
    replacements = [
        ("server 127.0.0.1:8000 ", f"server 127.0.0.1:{upstream_port} "),
        ("    listen [::]:80;\n", ""),
        ("    listen [::]:443 ssl http2;\n", ""),
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"),
        ("/etc/ssl/stazhirovki/fullchain.pem;", f"{certificate};"),
        ("/etc/ssl/stazhirovki/privkey.pem;", f"{key};"),
        ("alias /srv/stazhirovki/var/staticfiles/;", f"alias {static_root}/;"),
        ("alias /srv/stazhirovki/var/media/;", f"alias {media_root}/;"),
    ]
    for old, new in replacements:
        assert old in text, f"в deploy/nginx/portal.conf нет «{old.strip()}»"
        text = text.replace(old, new)
    return text


def main_config(folder: Path, site: Path) -> str:
    temporary = "\n".join(f"    {kind}_temp_path {folder / kind};"
                          for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    # As root nginx would hand the requests to an unprivileged user that cannot read the
    # test's folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return (f"{user}worker_processes 1;\npid {folder / 'nginx.pid'};\n"
            f"error_log {folder / 'error.log'} info;\n"
            "events { worker_connections 64; }\n"
            "http {\n"
            f"    include {MIME_TYPES};\n"
            "    default_type application/octet-stream;\n"
            f"    access_log {folder / 'access.log'};\n"
            f"{temporary}\n"
            f"    include {site};\n"
            "}\n")


@dataclass
class Nginx:
    process: subprocess.Popen
    folder: Path
    http_port: int
    https_port: int

    def log(self) -> str:
        return (self.folder / "error.log").read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def start_nginx(folder: Path, *, upstream_port: int, static_root: Path,
                media_root: Path) -> Nginx:
    folder.mkdir(parents=True, exist_ok=True)
    certificate, key = self_signed_certificate(folder)
    http_port, https_port = free_port(), free_port()
    site = folder / "portal.conf"
    site.write_text(site_config(upstream_port=upstream_port, http_port=http_port,
                                https_port=https_port, static_root=static_root,
                                media_root=media_root, certificate=certificate, key=key),
                    encoding="utf-8")
    config = folder / "nginx.conf"
    config.write_text(main_config(folder, site), encoding="utf-8")
    checked = subprocess.run([str(NGINX), "-t", "-p", str(folder), "-c", str(config),
                              "-e", str(folder / "error.log")],
                             capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen(
        [str(NGINX), "-p", str(folder), "-c", str(config), "-e", str(folder / "error.log"),
         "-g", "daemon off;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    nginx = Nginx(process=process, folder=folder, http_port=http_port, https_port=https_port)
    try:
        wait_for_port(https_port, process=process, log=folder / "error.log")
    except AssertionError:
        nginx.stop()
        raise
    return nginx


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes
    cookies: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


def ask(port: int, method: str, path: str, *, source: str = "127.0.0.2", tls: bool = True,
        headers: dict | None = None, body: bytes | None = None,
        send_body: bool = True) -> Answer:
    """One request from the client address ``source``. ``send_body=False`` sends the headers
    (with the body's length) and waits for the answer without sending the body."""
    if tls:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=30,
                                                 source_address=(source, 0), context=context)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30,
                                                source_address=(source, 0))
    headers = {"Host": HOST, **(headers or {})}
    try:
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        for name, value in headers.items():
            connection.putheader(name, value)
        if body is not None:
            connection.putheader("Content-Length", str(len(body)))
        connection.endheaders()
        if body is not None and send_body:
            connection.send(body)
        response = connection.getresponse()
        data = response.read()
        cookies = {}
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                cookies[key] = rest.split(";", 1)[0]
        return Answer(status=response.status,
                      headers={name.lower(): value for name, value in response.getheaders()},
                      body=data, cookies=cookies)
    finally:
        connection.close()


class Browser:
    """Cookies and CSRF tokens of one client address, through nginx over TLS."""

    def __init__(self, port: int, *, source: str, headers: dict | None = None):
        self.port = port
        self.source = source
        self.headers = headers or {}
        self.cookies: dict[str, str] = {}

    def _headers(self, extra: dict | None = None) -> dict:
        headers = {"Referer": f"https://{HOST}/", **self.headers, **(extra or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return headers

    def get(self, path: str) -> Answer:
        answer = ask(self.port, "GET", path, source=self.source, headers=self._headers())
        self.cookies.update(answer.cookies)
        return answer

    def token(self, path: str) -> str:
        page = self.get(path)
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
        assert found, f"на странице {path} нет формы ({page.status})"
        return found.group(1)

    def post(self, path: str, fields: dict, *, files: dict | None = None,
             send_body: bool = True, token: str | None = None) -> Answer:
        fields = {"csrfmiddlewaretoken": token or self.token(path), **fields}
        if files:
            body, content_type = multipart(fields, files)
        else:
            body, content_type = urlencode(fields).encode(), "application/x-www-form-urlencoded"
        answer = ask(self.port, "POST", path, source=self.source, body=body,
                     headers=self._headers({"Content-Type": content_type}),
                     send_body=send_body)
        self.cookies.update(answer.cookies)
        return answer

    def sign_in(self, username: str, password: str) -> Answer:
        return self.post("/accounts/login/", {"username": username, "password": password})


def multipart(fields: dict, files: dict[str, tuple[str, bytes]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                     f"{value}\r\n".encode())
    for name, (filename, content) in files.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                     f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
                     .encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"
