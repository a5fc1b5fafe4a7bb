"""A small HTTP client for the cluster's load: cookies, CSRF forms filled like a person would
(the form's own fields and defaults, some typed values, files), redirects followed by hand so
the answer to a POST itself is seen. Only the standard library."""

import http.cookiejar
import secrets
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Answer:
    status: int
    url: str
    headers: dict
    body: bytes
    error: str = ""

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")

    @property
    def location(self):
        return self.headers.get("Location", "")


@dataclass
class Form:
    action: str
    method: str
    enctype: str
    fields: list = field(default_factory=list)  # (name, value) as the browser would send
    files: dict = field(default_factory=dict)  # name -> (filename, bytes, content type)
    radios: dict = field(default_factory=dict)  # name -> [values]
    selects: dict = field(default_factory=dict)  # name -> [values]
    buttons: list = field(default_factory=list)  # (name, value, label)
    file_inputs: list = field(default_factory=list)
    names: set = field(default_factory=set)

    def set(self, name, value):
        self.fields = [(n, v) for n, v in self.fields if n != name] + [(name, value)]

    def get(self, name):
        return next((v for n, v in self.fields if n == name), None)

    def attach(self, name, filename, content, content_type="application/octet-stream"):
        self.files[name] = (filename, content, content_type)


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms, self.form, self.select, self.textarea = [], None, None, None
        self.button = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "form":
            self.form = Form(
                a.get("action", ""),
                a.get("method", "get").lower(),
                a.get("enctype", "application/x-www-form-urlencoded"),
            )
            self.forms.append(self.form)
        if self.form is None:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            self.form.names.add(name)
            if kind in {"submit", "image", "button"}:
                self.form.buttons.append((name, a.get("value", ""), a.get("value", "")))
            elif kind == "file":
                self.form.file_inputs.append(name)
            elif kind == "radio":
                self.form.radios.setdefault(name, []).append(a.get("value", "on"))
                if "checked" in a:
                    self.form.fields.append((name, a.get("value", "on")))
            elif kind == "checkbox":
                if "checked" in a:
                    self.form.fields.append((name, a.get("value", "on")))
            else:
                self.form.fields.append((name, a.get("value", "")))
        elif tag == "select" and name:
            self.form.names.add(name)
            self.select = [name, None, []]
        elif tag == "option" and self.select is not None:
            value = a.get("value", "")
            self.select[2].append(value)
            if "selected" in a:
                self.select[1] = value
        elif tag == "textarea" and name:
            self.form.names.add(name)
            self.textarea = [name, ""]
        elif tag == "button":
            kind = a.get("type", "submit")
            self.button = [name or "", a.get("value", ""), ""] if kind != "button" else None

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data
        if self.button is not None:
            self.button[2] += data

    def handle_endtag(self, tag):
        if self.form is None:
            return
        if tag == "select" and self.select is not None:
            name, chosen, options = self.select
            self.form.selects[name] = options
            if chosen is None and options:
                chosen = options[0]
            if chosen is not None:
                self.form.fields.append((name, chosen))
            self.select = None
        elif tag == "textarea" and self.textarea is not None:
            self.form.fields.append(tuple(self.textarea))
            self.textarea = None
        elif tag == "button" and self.button is not None:
            name, value, label = self.button
            self.form.buttons.append((name, value, " ".join(label.split())))
            self.button = None
        elif tag == "form":
            self.form = None


def forms(html):
    parser = _FormParser()
    parser.feed(html)
    return parser.forms


def multipart(fields, files):
    boundary = "----quartier" + secrets.token_hex(12)
    parts = []
    for name, value in fields:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + str(value).encode()
            + b"\r\n"
        )
    for name, (filename, content, kind) in files.items():
        parts.append(
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: {kind}\r\n\r\n'
            ).encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class Browser:
    """A person's browser. The timeout (40 s) is above nginx's proxy_read_timeout (35 s),
    so a request the stack gives up on ends with nginx's answer, not the client's."""

    def __init__(self, base, timeout=40, client_address=None):
        self.base = base.rstrip("/")
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()
        )
        self.timeout = timeout
        # The host name of the Wagtail site (setup_site: localhost): caches and purges
        # name pages by it.
        self.headers = {
            "Host": "localhost",
            "Accept-Language": "de",
            "User-Agent": "quartier-cluster-load",
        }
        if client_address:
            self.headers["X-Forwarded-For"] = client_address

    def url(self, path):
        return path if path.startswith("http") else self.base + path

    def request(self, method, path, data=None, content_type=None, headers=None):
        url = self.url(path)
        all_headers = {**self.headers, **(headers or {})}
        if content_type:
            all_headers["Content-Type"] = content_type
        request = urllib.request.Request(url, data=data, headers=all_headers, method=method)
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                return Answer(response.status, url, dict(response.headers), response.read())
        except urllib.error.HTTPError as error:
            return Answer(error.code, url, dict(error.headers or {}), error.read())
        except (OSError, urllib.error.URLError) as error:
            return Answer(0, url, {}, b"", error=f"{type(error).__name__}: {error}")

    def get(self, path, follow=True, headers=None):
        answer = self.request("GET", path, headers=headers)
        hops = 0
        while follow and answer.status in (301, 302, 303, 307, 308) and hops < 5:
            answer = self.request("GET", urllib.parse.urljoin(answer.url, answer.location))
            hops += 1
        return answer

    def submit(self, page, form, button=None):
        """POST ``form`` (found on ``page``); the answer to the POST itself."""
        action = urllib.parse.urljoin(page.url, form.action or page.url)
        fields = list(form.fields)
        if button:
            fields.append(button)
        if form.files or "multipart" in form.enctype:
            body, kind = multipart(fields, form.files)
        else:
            body = urllib.parse.urlencode(fields).encode()
            kind = "application/x-www-form-urlencoded"
        return self.request("POST", action, data=body, content_type=kind)

    def cookie(self, name):
        return next((c.value for c in self.jar if c.name == name), None)
