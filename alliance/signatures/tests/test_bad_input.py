import html

import pytest
from django.utils import translation
from django.utils.translation import gettext, ngettext

from alliance.signatures.models import Signature

from .conftest import citizen, organisation

pytestmark = pytest.mark.django_db


def errors_for(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


TOO_LONG = "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d)."
NOT_A_CHOICE = "Select a valid choice. %(value)s is not one of the available choices."


@pytest.mark.parametrize(
    ("field", "value", "message", "values"),
    [
        ("name", '=HYPERLINK("http://evil.example")', "Please do not start with =, +, - or @.", {}),
        ("name", "+31 600 000", "Please do not start with =, +, - or @.", {}),
        ("name", "Anna\u0000Schmidt", "Please remove the invisible or control characters.", {}),
        ("name", "Anna\u202eSchmidt", "Please remove the invisible or control characters.", {}),
        ("name", "A" * 201, TOO_LONG, {"limit_value": 200, "show_value": 201}),
        ("email", "anna@", "Enter a valid email address.", {}),
        ("country", "XX", NOT_A_CHOICE, {"value": "XX"}),
        ("privacy_consent", "", "We can only count your signature if you accept the privacy notice.", {}),
    ],
)
def test_bad_input_is_explained_in_the_signers_language_and_nothing_is_stored(
    sign, petition, mailbox, field, value, message, values
):
    response = sign("/pl/petition/", citizen(**{field: value}))

    content = html.unescape(errors_for(response))
    with translation.override("pl"):
        expected = (
            ngettext(message.replace("characters", "character"), message, 200)
            if values.get("limit_value")
            else gettext(message)
        ) % values
    assert expected != message % values, "the message has no Polish translation"
    assert expected in content
    assert 'class="error-summary"' in content
    assert not Signature.objects.exists()
    assert mailbox == []


def test_accepted_fields_are_kept_when_another_is_wrong(sign, petition):
    content = errors_for(sign("/en/petition/", citizen(email="not-an-address")))

    assert 'value="Anna Schmidt"' in content
    assert 'value="10115"' in content


def test_region_must_lie_in_the_chosen_country(sign, statement_campaign):
    content = errors_for(sign("/en/statement/", organisation(country="DE", region="PL84")))

    assert "This region is not in the country you chose." in content
    assert not Signature.objects.exists()


def test_unknown_region_is_refused(sign, statement_campaign):
    content = errors_for(sign("/en/statement/", organisation(region="ZZ99")))

    assert "Select a valid choice." in content
    assert not Signature.objects.exists()
