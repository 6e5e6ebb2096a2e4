"""Telling people from robots without a third-party service.

Browsers with JavaScript solve an ALTCHA proof-of-work challenge while the visitor types: a few hundred
milliseconds of hashing for one person, an expensive toll for a robot sending thousands of forms.
Browsers without JavaScript (or without Web Crypto) get a short question on the form instead. Each
solution and each question is accepted once, within its lifetime; the record of use is kept in the cache,
so with Redis it holds across app servers.
"""

import base64
import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import timedelta

from altcha import ChallengeOptionsV1, create_challenge_v1, verify_solution_v1
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils import timezone

_QUESTION_SALT = "alliance.captcha.question"


def _hmac_key() -> str:
    return hashlib.sha256(f"captcha:{settings.SECRET_KEY}".encode()).hexdigest()


def _first_use(kind: str, value: str) -> bool:
    digest = hashlib.sha256(value.encode()).hexdigest()
    return cache.add(f"captcha-used:{kind}:{digest}", True, timeout=settings.CAPTCHA_SECONDS)


def new_challenge() -> dict:
    """A signed challenge for the browser to solve, in the shape ALTCHA clients expect."""
    challenge = create_challenge_v1(
        ChallengeOptionsV1(
            hmac_key=_hmac_key(),
            max_number=settings.CAPTCHA_MAX_NUMBER,
            expires=timezone.now() + timedelta(seconds=settings.CAPTCHA_SECONDS),
        )
    )
    return challenge.to_dict()


def solution_is_valid(payload: str) -> bool:
    """Whether the base64 JSON payload solves one of our challenges, unexpired and not used before."""
    if not payload or len(payload) > 4000:
        return False
    try:
        valid, _error = verify_solution_v1(payload, _hmac_key(), check_expires=True)
    except (TypeError, ValueError, AttributeError):
        return False
    if not valid:
        return False
    signature = json.loads(base64.b64decode(payload))["signature"]
    return _first_use("solution", signature)


@dataclass(frozen=True)
class Question:
    first: int
    second: int
    token: str


def new_question() -> Question:
    first, second = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    token = signing.dumps({"sum": first + second, "nonce": secrets.token_hex(8)}, salt=_QUESTION_SALT)
    return Question(first=first, second=second, token=token)


def answer_is_right(token: str, answer: str) -> bool:
    """Whether the answer fits the signed question, which is unexpired and answered for the first time."""
    if not token or not answer:
        return False
    try:
        question = signing.loads(token, salt=_QUESTION_SALT, max_age=settings.CAPTCHA_SECONDS)
        given = int(answer.strip())
    except (signing.BadSignature, ValueError, TypeError):
        return False
    return given == question["sum"] and _first_use("question", question["nonce"])
