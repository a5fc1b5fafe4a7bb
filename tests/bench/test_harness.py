"""The measuring tools of `make bench`: figures and their verdicts, the load generator,
/proc readings, pgbench's output, the reference view. No timing is asserted anywhere."""

import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import override_settings

from bench import load, ratios


def test_a_ratio_passes_or_fails_against_its_target():
    fast = ratios.Figure("a", "A", 60.0, "req/s", 100.0, "hello", ">= 50 %", minimum=0.5)
    slow = ratios.Figure("b", "B", 40.0, "req/s", 100.0, "hello", ">= 50 %", minimum=0.5)
    assert fast.ratio == pytest.approx(0.6) and fast.passed is True
    assert slow.ratio == pytest.approx(0.4) and slow.passed is False


def test_a_value_without_reference_is_held_to_its_limit_and_unmeasured_is_neither():
    cheap = ratios.Figure("cpu", "CPU", 2.5, "ms", target="<= 3 ms", maximum=3.0)
    dear = ratios.Figure("cpu", "CPU", 3.5, "ms", target="<= 3 ms", maximum=3.0)
    none = ratios.Figure("v", "Varnish", None, "req/s", 100.0, "hello", ">= 100 %", minimum=1)
    zero = ratios.Figure("lost", "Lost", 0, "", target="= 0", maximum=0)
    one = ratios.Figure("lost", "Lost", 1, "", target="= 0", maximum=0)
    assert cheap.ratio is None and cheap.passed is True and dear.passed is False
    assert none.passed is None and zero.passed is True and one.passed is False


def test_table_and_json_say_the_same(tmp_path):
    figures = [
        ratios.Figure("hello", "Hello", 1000.0, "req/s"),
        ratios.Figure("home", "Home", 400.0, "req/s", 1000.0, "hello", ">= 50 %", minimum=0.5),
    ]
    text = ratios.table(figures)
    assert "40 %" in text and "FAIL" in text and "1,000 hello" in text
    assert text.splitlines()[2].endswith("info")  # a reference has no target
    ratios.write_json(figures, tmp_path / "out.json", {"database": "sqlite"})
    data = json.loads((tmp_path / "out.json").read_text())
    assert data["context"] == {"database": "sqlite"}
    home = data["figures"][1]
    assert home["ratio"] == pytest.approx(0.4) and home["passed"] is False


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen = []
    connections = set()

    def do_GET(self):  # noqa: N802 - the name http.server calls
        self.seen.append(self.path)
        self.connections.add(self.client_address)
        body = b"ok"
        self.send_response(200 if "fail" not in self.path else 500)
        self.send_header("Content-Length", str(len(body)))
        if "close" in self.path:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def little_server():
    _Handler.seen.clear()
    _Handler.connections.clear()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_load_with_a_total_sends_each_number_once_and_counts_statuses(little_server):
    def make(number):
        return "GET", f"/n/{number}" + ("/fail" if number % 10 == 0 else ""), None, {}

    result = load.run_load(little_server, make, concurrency=4, total=50, processes=2)
    assert result["requests"] == 50
    assert result["statuses"] == {200: 45, 500: 5}
    numbers = sorted(int(path.split("/")[2]) for path in _Handler.seen)
    assert numbers == list(range(50))


def test_load_keeps_connections_alive_unless_the_server_closes_them(little_server):
    load.run_load(little_server, ratios.get("/kept"), concurrency=2, total=40, processes=1)
    kept = len(_Handler.connections)
    _Handler.connections.clear()
    load.run_load(little_server, ratios.get("/close"), concurrency=2, total=40, processes=1)
    assert kept <= 2
    assert len(_Handler.connections) == 40


def test_readings_from_proc_of_this_process():
    used = load.cpu_seconds(os.getpid())
    sum(number * number for number in range(300_000))
    assert load.cpu_seconds(os.getpid()) >= used > 0
    resident, peak = load.memory_mib(os.getpid())
    assert 0 < resident <= peak


def test_pgbench_rate_is_read_from_its_report():
    report = (
        "number of transactions actually processed: 12345\n"
        "latency average = 12.9 ms\n"
        "initial connection time = 20.1 ms\n"
        "tps = 1234.567890 (without initial connection time)\n"
    )
    assert load.parse_pgbench(report) == pytest.approx(1234.56789)
    with pytest.raises(RuntimeError):
        load.parse_pgbench("error: connection refused")


def test_the_shipped_vcl_is_pointed_at_the_benchmark_backend(tmp_path, monkeypatch):
    vcl = tmp_path / "quartier.vcl"
    vcl.write_text(
        'backend default { .host = "${QUARTIER_VARNISH_BACKEND_HOST}"; '
        '.port = "${QUARTIER_VARNISH_BACKEND_PORT}"; }'
    )
    monkeypatch.setattr(load, "VARNISH_VCL", vcl)
    assert load.render_vcl(8123) == 'backend default { .host = "127.0.0.1"; .port = "8123"; }'


def test_every_placeholder_of_the_shipped_vcl_is_filled_in():
    code = [
        line for line in load.render_vcl(8123).splitlines() if not line.lstrip().startswith("#")
    ]
    assert code and not [line for line in code if "${" in line]
    assert any('"8123"' in line for line in code)


@pytest.mark.django_db
@override_settings(ROOT_URLCONF="bench.urls")
def test_the_reference_view_answers_and_is_never_cached(client):
    response = client.get("/bench/hallo/")
    assert response.status_code == 200 and response.content == b"Hallo"
    assert "no-cache" in response["Cache-Control"]


def test_the_reference_view_is_not_in_the_portal():
    assert not any("bench" in str(pattern.pattern) for pattern in _portal_urls())


def _portal_urls():
    from portal.urls import urlpatterns

    return urlpatterns
