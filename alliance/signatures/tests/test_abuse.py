import pytest
from django.test import override_settings

from alliance.signatures.models import BlockedEmailDomain, BlockedNetwork, Signature

from .conftest import citizen, solved_captcha

pytestmark = pytest.mark.django_db


@override_settings(SIGNING_RATE_PER_IP="3/h")
def test_too_many_signatures_from_one_network_are_refused_with_429(sign, petition, mailbox):
    for number in range(3):
        assert sign("/en/petition/", citizen(email=f"person{number}@example.org")).status_code == 302

    response = sign("/en/petition/", citizen(email="person4@example.org"))

    assert response.status_code == 429
    assert "Too many signatures are arriving from your network" in response.content.decode()
    assert Signature.objects.count() == 3
    assert len(mailbox) == 3


@override_settings(SIGNING_RATE_PER_EMAIL_DOMAIN="2/m")
def test_too_many_signatures_from_one_e_mail_domain_are_refused(sign, petition):
    for number in range(2):
        sign("/en/petition/", citizen(email=f"bot{number}@throwaway.example"))

    response = sign("/en/petition/", citizen(email="bot3@THROWAWAY.example"))

    assert response.status_code == 429
    assert Signature.objects.count() == 2
    assert sign("/en/petition/", citizen(email="someone@example.org")).status_code == 302


def test_a_blocked_e_mail_domain_cannot_sign(sign, petition, mailbox):
    BlockedEmailDomain.objects.create(domain="@Spam.Example ")

    response = sign("/fr/petition/", citizen(email="x@spam.example"))

    assert response.status_code == 403
    assert "error-summary" in response.content.decode()
    assert not Signature.objects.exists()
    assert mailbox == []


def test_a_blocked_ip_range_cannot_sign(client, sign, petition):
    network = BlockedNetwork(network="127.0.0.0/8")
    network.full_clean()
    network.save()

    response = sign("/en/petition/", citizen())

    assert response.status_code == 403
    assert not Signature.objects.exists()


def test_a_malformed_ip_range_is_refused_in_the_admin_form():
    network = BlockedNetwork(network="not-a-network")

    with pytest.raises(Exception, match="Enter an IP address or a range"):
        network.full_clean()


def test_a_domain_blocked_while_people_sign_is_refused_at_once(sign, petition):
    assert sign("/en/petition/", citizen(email="first@spam.example")).status_code == 302

    BlockedEmailDomain.objects.create(domain="spam.example")

    assert sign("/en/petition/", citizen(email="second@spam.example")).status_code == 403
    BlockedEmailDomain.objects.all().delete()
    assert sign("/en/petition/", citizen(email="third@spam.example")).status_code == 302


@override_settings(TRUSTED_PROXIES=1, SIGNING_RATE_PER_IP="2/h")
def test_behind_a_proxy_each_visitor_has_their_own_limit_whatever_they_put_in_x_forwarded_for(
    client, petition, django_capture_on_commit_callbacks
):
    def sign_from(forwarded_for: str, email: str) -> int:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/en/petition/",
                {"altcha": solved_captcha(), **citizen(email=email)},
                REMOTE_ADDR="10.0.0.2",
                HTTP_X_FORWARDED_FOR=forwarded_for,
            )
        return response.status_code

    # The proxy appends the address it saw; what comes before is the visitor's own claim.
    assert sign_from("198.51.100.7", "a1@example.org") == 302
    assert sign_from("1.2.3.4, 198.51.100.7", "a2@example.org") == 302
    assert sign_from("5.6.7.8, 198.51.100.7", "a3@example.org") == 429
    assert sign_from("198.51.100.8", "b1@example.org") == 302


@override_settings(TRUSTED_PROXIES=1)
def test_behind_a_proxy_a_blocked_network_is_matched_on_the_visitor_address(client, petition):
    BlockedNetwork.objects.create(network="203.0.113.0/24")

    blocked = client.post(
        "/en/petition/",
        {"altcha": solved_captcha(), **citizen()},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )

    assert blocked.status_code == 403
    assert not Signature.objects.exists()
