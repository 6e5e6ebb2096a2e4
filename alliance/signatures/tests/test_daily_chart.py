import re

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from alliance.core.roles import EDITORS
from alliance.signatures.models import Signature
from alliance.signatures.selectors import daily_counts
from alliance.signatures.services import confirm_signature, withdraw_signature

from .conftest import citizen

pytestmark = pytest.mark.django_db


def confirm_everyone() -> None:
    for signature in Signature.objects.all():
        confirm_signature(signature=signature)


def test_daily_counts_follow_confirmations_and_withdrawals(sign, petition):
    for number in range(3):
        sign("/en/petition/", citizen(email=f"person{number}@example.org"))
    confirm_everyone()
    withdraw_signature(signature=Signature.objects.order_by("pk")[0])

    counts = daily_counts(petition, days=7)

    assert len(counts) == 7
    assert counts[-1].day == timezone.localdate()
    assert [count.confirmed for count in counts] == [0, 0, 0, 0, 0, 0, 2]


def test_petition_page_shows_the_chart_with_its_figures(client, sign, petition):
    sign("/en/petition/", citizen())
    confirm_everyone()

    content = client.get("/en/petition/").content.decode()

    assert "Confirmed signatures per day, last 30 days" in content
    assert content.count("<rect ") == 30
    figures = content.split("<tbody>")[1]
    assert re.findall(r"<td>\s*(\d+)\s*</td>", figures)[-1] == "1"


def test_staff_dashboard_shows_each_campaigns_signatures(client, sign, petition):
    sign("/en/petition/", citizen())
    confirm_everyone()
    editor = User.objects.create_user(username="editor", password="a-long-password-for-tests")
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)

    content = client.get("/admin/").content.decode()

    assert "Petition for a strong EU cohesion policy" in content
    assert re.search(r'data-counter="confirmed">1</strong>', content)
    assert content.count("Confirmed signatures per day") == 2
