import csv
import io

import pytest
from openpyxl import load_workbook

from participation import states
from tests.portal.factories import UserFactory

from .factories import make_process, make_proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def process():
    process = make_process("during", slug="verfahren-export")
    author = UserFactory(email="geheim@example.org")
    make_proposal(
        process, author, states.PUBLISHED, title='=HYPERLINK("http://x")', support_count=4
    )
    make_proposal(process, author, states.DRAFT, title="Entwurf")
    make_proposal(process, author, states.ACCEPTED, title="Bänke")
    return process


def test_staff_export_csv_without_personal_data(client, people, process):
    client.force_login(people["admin"])
    response = client.get(process.url + "export/csv/")
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert len(table) == 3  # header + two non-draft proposals
    assert "geheim@example.org" not in text
    titles = [row[1] for row in table[1:]]
    assert '\'=HYPERLINK("http://x")' in titles  # no formula injection
    assert "Entwurf" not in titles


def test_staff_export_xlsx(client, people, process):
    client.force_login(people["admin"])
    response = client.get(process.url + "export/xlsx/")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert len(values) == 3
    assert values[0][0] == "Nummer"
    assert {row[6] for row in values[1:]} == {4, 0}


@pytest.mark.parametrize("who", ["anonymous", "resident"])
def test_export_is_staff_only(client, process, who):
    if who == "resident":
        client.force_login(UserFactory())
    response = client.get(process.url + "export/csv/")
    assert response.status_code == 403
    assert "text/csv" not in response["Content-Type"]
