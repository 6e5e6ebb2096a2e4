import io
import json

import pytest
from pypdf import PdfReader

from alliance.campaigns.models import Statement
from alliance.campaigns.selectors import statements_for_language
from alliance.demo.loader import DATA as DEMO_DATA

pytestmark = pytest.mark.django_db


def pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def demo_statement(code: str) -> dict:
    return json.loads((DEMO_DATA / "statements" / f"{code}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("code", ["fr", "el", "bg", "mt", "ga"])
def test_statement_pdf_is_typeset_in_the_requested_language(client, code):
    response = client.get(f"/{code}/statements/declaration-2-0.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="cohesion-alliance-declaration-2-0-{code}.pdf"'
    text = pdf_text(response)
    declaration = demo_statement(code)["declaration"]
    assert declaration["title"] in text
    assert " ".join(declaration["summary"].split()[:5]) in text
    # Greek and Cyrillic letters survive: the embedded font covers them.
    first_demand = declaration["body"][3]["value"]["items"][0]
    assert " ".join(first_demand.split()[:4]) in text


def test_statement_pdf_metadata_names_the_title_and_language(client):
    response = client.get("/de/statements/statement-of-principles.pdf")

    metadata = PdfReader(io.BytesIO(response.content)).metadata
    assert metadata is not None
    assert metadata.title == demo_statement("de")["original"]["title"]
    assert response["Content-Language"] == "de"


def test_unknown_statement_pdf_is_not_found(client):
    assert client.get("/en/statements/no-such-statement.pdf").status_code == 404


def test_statement_pdf_follows_an_edit_of_the_text(client):
    before = pdf_text(client.get("/en/statements/declaration-2-0.pdf"))
    statement = Statement.objects.get(slug="declaration-2-0", locale__language_code="en")
    statement.title = "Declaration 2.0, as amended"
    statement.save()

    after = pdf_text(client.get("/en/statements/declaration-2-0.pdf"))
    assert "as amended" not in before
    assert "Declaration 2.0, as amended" in after


def test_statement_versions_for_a_language_take_two_queries(django_assert_num_queries):
    with django_assert_num_queries(2):
        versions = statements_for_language("lv")

    assert [version.slug for version in versions] == ["declaration-2-0", "statement-of-principles"]
    assert {version.language_code for version in versions} == {"lv"}
