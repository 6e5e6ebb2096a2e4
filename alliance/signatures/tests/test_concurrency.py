import threading

import pytest
from django.db import connection

from alliance.campaigns.models import Campaign
from alliance.demo.loader import load_demo
from alliance.signatures.models import Signature
from alliance.signatures.services import SignatureInput, sign_campaign

SIMULTANEOUS_SUBMISSIONS = 8


@pytest.mark.django_db(transaction=True)
def test_simultaneous_duplicate_submissions_store_one_signature():
    load_demo()
    petition = Campaign.objects.get(slug="petition")
    data = SignatureInput(kind="individual", name="Anna", email="anna@example.org", country="DE", language="de")
    start = threading.Barrier(SIMULTANEOUS_SUBMISSIONS)
    failures: list[BaseException] = []

    def submit() -> None:
        try:
            start.wait()
            sign_campaign(campaign=petition, data=data)
        except BaseException as error:  # noqa: BLE001 - collected and reported by the test
            failures.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit) for _ in range(SIMULTANEOUS_SUBMISSIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert Signature.objects.filter(campaign=petition).count() == 1
