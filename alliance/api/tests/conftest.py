import pytest

from alliance.campaigns.models import Campaign
from alliance.demo.graphics import partner_logo_png
from alliance.partners.services import verify_partner
from alliance.signatures.models import Signature
from alliance.signatures.services import SignatureInput, confirm_signature, sign_campaign


@pytest.fixture
def petition(db) -> Campaign:
    return Campaign.objects.get(slug="petition")


@pytest.fixture
def statement(db) -> Campaign:
    return Campaign.objects.get(slug="statement-of-principles")


@pytest.fixture
def sign():
    """Sign through the signing services, and confirm unless told otherwise."""
    made = 0

    def make(campaign: Campaign, *, confirm: bool = True, kind: str = "", country: str = "AT", **fields) -> Signature:
        nonlocal made
        made += 1
        signature = sign_campaign(
            campaign=campaign,
            data=SignatureInput(
                kind=Signature.Kind.ORGANISATION if kind else Signature.Kind.INDIVIDUAL,
                name="Contact Person",
                email=f"signer-{made}@example.org",
                country=country,
                language="en",
                organisation_kind=kind,
                **fields,
            ),
        )
        if confirm:
            confirm_signature(signature=signature)
        return signature

    return make


@pytest.fixture
def partners(statement, sign):
    """A verified regional authority with a logo, an SME, and three that must not be listed."""
    burgenland = sign(
        statement,
        kind="regional-authority",
        region="AT11",
        organisation_name="Land Burgenland",
        website="https://burgenland.example.org/",
        logo_png=partner_logo_png(initials="LB", colour=(0, 51, 153)),
    )
    verify_partner(signature=burgenland, user=None)
    sign(statement, kind="sme", country="SI", region="SI04", organisation_name="Ljubljana Bikes")
    sign(statement, kind="local-authority", region="AT12", organisation_name="Unverified Gemeinde")
    sign(statement, kind="sme", organisation_name="Unlisted Ltd", listed=False)
    sign(statement, kind="sme", organisation_name="Unconfirmed GmbH", confirm=False)
    return burgenland
