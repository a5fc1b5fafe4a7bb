"""The bounded mixed load of the cluster test: residents browse, log in, vote with a code,
support proposals, send a proposal with an attachment and apply to the fund; staff upload
intranet documents. Each request is recorded (when it started and ended, its status, the
phase); each write answered with success is recorded with what identifies it, so the test
can look for it in the database and the object store afterwards."""

import hashlib
import itertools
import random
import re
import secrets
import threading
import time
from dataclasses import dataclass, field

from browser import Browser, forms

SUCCESS = {200, 201, 204, 301, 302, 303}


@dataclass
class Record:
    kind: str
    phase: str
    start: float
    end: float
    status: int
    ok: bool
    error: str = ""
    refused: bool = False  # an upload refused on purpose, with the clear message


@dataclass
class Write:
    kind: str  # vote, support, proposal, document, application
    key: dict
    phase: str
    at: float


@dataclass
class Refusal:
    kind: str
    phase: str
    status: int
    kept_input: bool
    message: bool


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.records, self.writes, self.refusals = [], [], []
        self.phase = "start"

    def request(self, kind, answer, started, ok=None):
        ok = answer.status in SUCCESS if ok is None else ok
        record = Record(
            kind, self.phase, started, time.monotonic(), answer.status, ok, answer.error
        )
        with self.lock:
            self.records.append(record)
        return record

    def write(self, kind, phase, **key):
        with self.lock:
            self.writes.append(Write(kind, key, phase, time.monotonic()))

    def refusal(self, *args):
        with self.lock:
            self.refusals.append(Refusal(*args))


@dataclass
class World:
    """What the seed made and the load uses (paths, logins, voting codes)."""

    browse_paths: list
    code_vote_path: str
    codes: list
    process_path: str
    proposal_ids: list
    residents: list  # (email, password)
    staff: tuple  # (email, password)
    documents_path: str
    fund_path: str = ""
    code_iter: object = field(default=None, repr=False)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def next_code(self):
        with self.lock:
            if self.code_iter is None:
                self.code_iter = iter(self.codes)
            return next(self.code_iter, None)


class Actor(threading.Thread):
    pause = 0.05

    def __init__(self, name, base, world, recorder, stop, seed):
        super().__init__(name=name, daemon=True)
        self.base, self.world, self.rec, self.stop_event = base, world, recorder, stop
        self.random = random.Random(seed)
        # Every actor its own client address: the per-address rate limits see people.
        address = f"10.{seed % 250}.{seed // 250 % 250}.{self.random.randint(1, 250)}"
        self.browser = Browser(base, client_address=address)
        self.failures = 0

    def run(self):
        while not self.stop_event.is_set():
            try:
                self.step()
            except Exception as error:  # a bug in the driver must not look like success
                self.failures += 1
                answer_error = f"driver: {type(error).__name__}: {error}"
                with self.rec.lock:
                    now = time.monotonic()
                    self.rec.records.append(
                        Record(self.name, self.rec.phase, now, now, -1, False, answer_error)
                    )
                time.sleep(0.2)
            time.sleep(self.pause)

    def get(self, kind, path, **kwargs):
        started = time.monotonic()
        answer = self.browser.get(path, **kwargs)
        self.rec.request(kind, answer, started)
        return answer

    def post(self, kind, page, form, button=None, ok=None):
        started = time.monotonic()
        answer = self.browser.submit(page, form, button)
        record = self.rec.request(
            kind, answer, started, ok=ok(answer) if ok else answer.status in (302, 303)
        )
        record.refused = answer.status in (400, 503) and refusal_text(answer)
        return answer, record

    def log_in(self, email, password, kind="login"):
        page = self.get(f"{kind}-form", "/de/accounts/login/")
        form = next((f for f in forms(page.text) if "password" in f.names), None)
        if form is None:  # the page failed (recorded above)
            return False
        form.set("login", email)
        form.set("password", password)
        answer, record = self.post(kind, page, form)
        return record.ok

    def step(self):
        raise NotImplementedError


class Visitor(Actor):
    """Anonymous: pages of the site, now and then a static file."""

    def step(self):
        path = self.random.choice(self.world.browse_paths)
        self.get("browse", path)


class CodeVoter(Actor):
    """Votes with a one-time voting code: check the code, fill the ballot, cast it."""

    def step(self):
        code = self.world.next_code()
        if code is None:
            time.sleep(0.5)
            return
        self.browser.jar.clear()
        page = self.get("ballot", self.world.code_vote_path)
        if page.status != 200:
            return
        form = next(f for f in forms(page.text) if "code" in f.names)
        form.set("code", code)
        page, record = self.post("vote-code", page, form, ("redeem", "1"), ok=ok_200)
        if not record.ok:
            return
        ballot = next((f for f in forms(page.text) if f.radios), None)
        if ballot is None:
            return
        for name, values in ballot.radios.items():
            ballot.set(name, self.random.choice([v for v in values if v] or values))
        phase = self.rec.phase
        _answer, record = self.post("vote", page, ballot, ("cast", "1"))
        if record.ok:
            self.rec.write("vote", phase, code=code)


def ok_200(answer):
    return answer.status == 200


class Resident(Actor):
    """Logged in: supports proposals, sometimes sends a proposal with an attachment."""

    def __init__(self, *args, login, **kwargs):
        super().__init__(*args, **kwargs)
        self.email, self.password = login
        self.logged_in = False
        self.supported = set()
        self.counter = itertools.count(1)

    def step(self):
        if not self.logged_in:
            self.logged_in = self.log_in(self.email, self.password)
            return
        if next(self.counter) % 4 == 0:
            self.propose()
        else:
            self.support()

    def support(self):
        open_ids = [pk for pk in self.world.proposal_ids if pk not in self.supported]
        if not open_ids:
            self.get("browse", self.world.process_path)
            return
        pk = self.random.choice(open_ids)
        page = self.get("proposal", f"{self.world.process_path}vorschlaege/{pk}/")
        form = next((f for f in forms(page.text) if "unterstuetzen" in f.action), None)
        if form is None:
            self.supported.add(pk)  # supported already, or not allowed
            return
        phase = self.rec.phase
        _answer, record = self.post("support", page, form)
        if record.ok:
            self.supported.add(pk)
            self.rec.write("support", phase, email=self.email, proposal=pk)

    def propose(self):
        page = self.get("proposal-form", f"{self.world.process_path}vorschlaege/neu/")
        form = next((f for f in forms(page.text) if "title" in f.names), None)
        if form is None:
            return
        title = f"Lastvorschlag {secrets.token_hex(5)}"
        content = b"%PDF-1.4\n% Skizze " + secrets.token_hex(16).encode() + b"\n%%EOF\n"
        form.set("title", title)
        form.set("description", f"Beschreibung zu {title}: mehr Bänke und Schatten am Platz.")
        if "place" in form.names:
            form.set("place", "Lindenplatz")
        if "requested_budget" in form.names:
            form.set("requested_budget", "1200")
        form.attach("attachment", "Skizze.pdf", content, "application/pdf")
        phase = self.rec.phase
        answer, record = self.post("proposal", page, form, submit_button(form))
        if record.ok:
            self.rec.write(
                "proposal",
                phase,
                title=title,
                sha256=hashlib.sha256(content).hexdigest(),
            )
        elif is_refusal(answer):
            self.rec.refusal(
                "proposal", phase, answer.status, title in answer.text, refusal_text(answer)
            )


def is_refusal(answer):
    """An answer that refuses a form on purpose (the form again, or the app's 503): not a
    failed request (no answer, 500, a proxy's 502/504), which the error checks count, in
    whatever phase the request ended. A 503 with a page is judged by its message."""
    if answer.status in (0, 500, 502, 504):
        return False
    return answer.status != 503 or bool(answer.body)


def submit_button(form):
    """The form's "send" button: the one named submit, else the first with a name."""
    named = [b for b in form.buttons if b[0]]
    chosen = next((b for b in named if b[0] == "submit"), named[0] if named else None)
    return (chosen[0], chosen[1]) if chosen else None


STORAGE_MESSAGE = re.compile(r"Dateiablage|Datei.*nicht.*gespeichert|später erneut", re.I)


def refusal_text(answer):
    return bool(STORAGE_MESSAGE.search(answer.text))


class Staff(Actor):
    """An office person in the intranet: uploads documents to a workspace."""

    pause = 0.3

    def __init__(self, *args, login, **kwargs):
        super().__init__(*args, **kwargs)
        self.email, self.password = login
        self.logged_in = False

    def step(self):
        if not self.logged_in:
            self.logged_in = self.log_in(self.email, self.password)
            return
        page = self.get("documents", self.world.documents_path)
        form = next((f for f in forms(page.text) if f.file_inputs), None)
        if form is None:
            return
        title = f"Protokoll-Anlage {secrets.token_hex(5)}"
        content = f"Anlage {title}\n{secrets.token_hex(32)}\n".encode()
        file_field = form.file_inputs[0]
        form.attach(file_field, f"{title}.txt", content, "text/plain")
        phase = self.rec.phase
        answer, record = self.post("upload", page, form, submit_button(form))
        if record.ok:
            # The document's title is the file's name without its extension.
            self.rec.write(
                "document", phase, title=title, sha256=hashlib.sha256(content).hexdigest()
            )
        elif is_refusal(answer):
            # The form has nothing typed to keep (files and folder only): the upload form
            # must come back with the message.
            kept = any(f.file_inputs for f in forms(answer.text))
            self.rec.refusal("document", phase, answer.status, kept, refusal_text(answer))


class Load:
    def __init__(self, base, world, recorder, visitors=3, voters=2, residents=2, staff=1):
        self.stop_event = threading.Event()
        self.actors = []
        seeds = itertools.count(1)
        args = (base, world, recorder, self.stop_event)
        for n in range(visitors):
            self.actors.append(Visitor(f"visitor{n}", *args, next(seeds)))
        for n in range(voters):
            self.actors.append(CodeVoter(f"voter{n}", *args, next(seeds)))
        for n, login in zip(range(residents), world.residents, strict=False):
            self.actors.append(Resident(f"resident{n}", *args, next(seeds), login=login))
        for n in range(staff):
            self.actors.append(Staff(f"staff{n}", *args, next(seeds), login=world.staff))

    def start(self):
        for actor in self.actors:
            actor.start()

    def stop(self):
        self.stop_event.set()
        for actor in self.actors:
            actor.join(timeout=30)
