"""Signatures made the way the site makes them, for tests of every app that needs signers."""

import itertools

from alliance.campaigns.models import Campaign
from alliance.partners.services import verify_partner
from alliance.signatures.models import Signature
from alliance.signatures.services import SignatureInput, confirm_signature, sign_campaign

_numbers = itertools.count(1)


def signed(
    campaign: Campaign,
    *,
    organisation_kind: str = "",
    country: str = "AT",
    confirm: bool = True,
    verify: bool = False,
    **fields,
) -> Signature:
    """Sign through the signing services, a person or, with `organisation_kind`, an organisation.

    Each signer gets an address of their own. `confirm` confirms by the e-mail link's service; `verify`
    has staff verify the organisation, as institutional partners need before they are listed.
    """
    fields.setdefault("name", "Contact Person")
    fields.setdefault("email", f"signer-{next(_numbers)}@example.org")
    fields.setdefault("language", "en")
    signature = sign_campaign(
        campaign=campaign,
        data=SignatureInput(
            kind=Signature.Kind.ORGANISATION if organisation_kind else Signature.Kind.INDIVIDUAL,
            country=country,
            organisation_kind=organisation_kind,
            **fields,
        ),
    )
    if confirm:
        confirm_signature(signature=signature)
    if verify:
        verify_partner(signature=signature, user=None)
    signature.refresh_from_db()
    return signature
