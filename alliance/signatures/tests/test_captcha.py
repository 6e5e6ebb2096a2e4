import base64
import json
import re

import pytest
from django.test import override_settings

from alliance.signatures.models import Signature

from .conftest import citizen, solved_captcha

pytestmark = pytest.mark.django_db

QUESTION = re.compile(r"What is (\d) plus (\d)\?")
QUESTION_TOKEN = re.compile(r'name="captcha_question" value="([^"]+)"')


def answer_to(page: str) -> dict[str, str]:
    """The fields a person without JavaScript fills in: the answer to the question on the page."""
    question, token = QUESTION.search(page), QUESTION_TOKEN.search(page)
    assert question, page
    assert token, page
    first, second = question.groups()
    return {"captcha_question": token.group(1), "captcha_answer": str(int(first) + int(second))}


def test_the_challenge_endpoint_hands_out_a_fresh_signed_challenge(client):
    first = client.get("/captcha/challenge.json")
    second = client.get("/captcha/challenge.json")

    assert first.status_code == 200
    assert "no-cache" in first["Cache-Control"]
    assert set(first.json()) == {"algorithm", "challenge", "maxNumber", "salt", "signature"}
    assert first.json()["challenge"] != second.json()["challenge"]


def test_a_form_without_the_captcha_asks_a_question_and_keeps_what_was_typed(client, petition):
    response = client.post("/en/petition/", citizen(name="Anna Schmidt"))

    page = response.content.decode()
    assert response.status_code == 200
    assert QUESTION.search(page)
    assert "so that we know a person is here" in page
    assert 'value="Anna Schmidt"' in page
    assert not Signature.objects.exists()


def test_a_person_without_javascript_signs_by_answering_the_question(client, sign, petition, mailbox):
    page = client.post("/en/petition/", citizen()).content.decode()

    response = sign("/en/petition/", {**citizen(), **answer_to(page), "altcha": ""})

    assert response.status_code == 302
    assert Signature.objects.count() == 1
    assert len(mailbox) == 1


def test_a_wrong_answer_gets_a_new_question_and_stores_nothing(client, petition):
    page = client.post("/en/petition/", citizen()).content.decode()
    wrong = {**answer_to(page), "captcha_answer": "99"}

    response = client.post("/en/petition/", {**citizen(), **wrong})

    page = response.content.decode()
    assert "That answer was not right" in page
    new_question = QUESTION_TOKEN.search(page)
    assert new_question
    assert new_question.group(1) != wrong["captcha_question"]
    assert not Signature.objects.exists()


def test_a_question_answered_once_cannot_be_used_again(client, sign, petition):
    answered = answer_to(client.post("/en/petition/", citizen()).content.decode())
    sign("/en/petition/", {**citizen(email="first@example.org"), **answered, "altcha": ""})

    response = sign("/en/petition/", {**citizen(email="second@example.org"), **answered, "altcha": ""})

    assert response.status_code == 200
    assert Signature.objects.count() == 1


def test_a_proof_of_work_solution_counts_once(client, sign, petition):
    solution = solved_captcha()
    assert sign("/en/petition/", {**citizen(email="first@example.org"), "altcha": solution}).status_code == 302

    response = sign("/en/petition/", {**citizen(email="second@example.org"), "altcha": solution})

    assert response.status_code == 200
    assert QUESTION.search(response.content.decode())
    assert Signature.objects.count() == 1


def test_a_forged_solution_is_refused(sign, petition):
    forged = json.loads(base64.b64decode(solved_captcha()))
    forged["number"] += 1

    response = sign("/en/petition/", {**citizen(), "altcha": base64.b64encode(json.dumps(forged).encode()).decode()})

    assert response.status_code == 200
    assert not Signature.objects.exists()


@pytest.mark.parametrize("payload", ["", "not base64!", base64.b64encode(b"[1, 2]").decode(), "x" * 5000])
def test_garbage_instead_of_a_solution_is_refused_without_error(sign, petition, payload):
    response = sign("/en/petition/", {**citizen(), "altcha": payload})

    assert response.status_code == 200
    assert not Signature.objects.exists()


def test_an_expired_solution_is_refused(sign, petition):
    with override_settings(CAPTCHA_SECONDS=-1):
        expired = solved_captcha()

    response = sign("/en/petition/", {**citizen(), "altcha": expired})

    assert response.status_code == 200
    assert not Signature.objects.exists()


def test_a_form_with_other_errors_does_not_use_up_the_solution(sign, petition):
    solution = solved_captcha()
    sign("/en/petition/", {**citizen(privacy_consent=""), "altcha": solution})

    assert sign("/en/petition/", {**citizen(), "altcha": solution}).status_code == 302


def test_the_question_is_asked_in_the_signers_language(client, petition):
    page = client.post("/de/petition/", citizen()).content.decode()

    assert 'name="captcha_question"' in page
    assert "What is" not in page
