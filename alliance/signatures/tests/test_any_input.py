"""No input, however strange, makes the sign forms fail with a server error."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alliance.signatures.models import Signature

pytestmark = pytest.mark.django_db

any_text = st.text(max_size=300)
field_values = st.one_of(any_text, st.sampled_from(["", "on", "DE", "PL84", "other", "regional-authority"]))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=any_text,
    email=st.one_of(st.emails(), any_text),
    country=field_values,
    postal_code=any_text,
    region=field_values,
    organisation_name=any_text,
    organisation_kind=field_values,
    website=any_text,
    privacy_consent=field_values,
    page=st.sampled_from(["/en/petition/", "/el/statement/", "/mt/petition/"]),
)
def test_no_input_makes_the_sign_forms_answer_with_a_server_error(client, page, **fields):
    stored_before = Signature.objects.count()

    response = client.post(page, fields)

    assert response.status_code in {200, 302, 403, 429}
    if response.status_code != 302:
        assert Signature.objects.count() == stored_before
