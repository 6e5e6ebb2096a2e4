import pytest

from alliance.campaigns.models import Campaign
from alliance.demo.graphics import partner_logo_png
from alliance.partners.services import verify_partner
from alliance.signatures.models import Signature
from alliance.signatures.tests.factories import signed


@pytest.fixture
def petition(db) -> Campaign:
    return Campaign.objects.get(slug="petition")


@pytest.fixture
def statement(db) -> Campaign:
    return Campaign.objects.get(slug="statement-of-principles")


@pytest.fixture
def sign():
    """Sign through the signing services, and confirm unless told otherwise."""

    def make(campaign: Campaign, *, confirm: bool = True, kind: str = "", **fields) -> Signature:
        return signed(campaign, organisation_kind=kind, confirm=confirm, **fields)

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
