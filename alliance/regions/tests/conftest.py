import pytest

from alliance.campaigns.models import Campaign
from alliance.partners.services import verify_partner
from alliance.signatures.models import Signature
from alliance.signatures.services import SignatureInput, confirm_signature, sign_campaign

from .test_load_regions import feature_collection, gisco_feature, load, square, write


@pytest.fixture
def square_regions(tmp_path):
    """Austria and Slovenia as squares of one degree, three and two NUTS-2 regions, beside non-EU Switzerland."""
    regions = [
        gisco_feature("AT", "Österreich", square(14, 47, 3)),
        gisco_feature("AT11", "Burgenland", square(14, 47)),
        gisco_feature("AT12", "Niederösterreich", square(15, 47)),
        gisco_feature("AT13", "Wien", square(16, 47)),
        gisco_feature("SI", "Slovenija", square(14, 46, 2)),
        gisco_feature("SI03", "Vzhodna Slovenija", square(14, 46)),
        gisco_feature("SI04", "Zahodna Slovenija", square(15, 46)),
        gisco_feature("CH", "Schweiz/Suisse/Svizzera", square(11, 46, 3)),
        gisco_feature("CH01", "Région lémanique", square(11, 46)),
    ]
    load("--source", str(write(tmp_path / "squares.geojson", feature_collection(*regions))))


@pytest.fixture
def statement_campaign(db) -> Campaign:
    return Campaign.objects.get(slug="statement-of-principles")


@pytest.fixture
def supporter(statement_campaign):
    """Sign and confirm through the signing services; institutional partners verified unless told otherwise."""
    made = 0

    def make(
        name: str = "", *, kind: str = "", country: str = "AT", region: str = "", verified: bool = True, **fields
    ) -> Signature:
        nonlocal made
        made += 1
        signature = sign_campaign(
            campaign=statement_campaign,
            data=SignatureInput(
                kind=Signature.Kind.ORGANISATION if kind else Signature.Kind.INDIVIDUAL,
                name="Contact Person",
                email=f"supporter-{made}@example.org",
                country=country,
                language="en",
                region=region,
                organisation_name=name,
                organisation_kind=kind,
                **fields,
            ),
        )
        confirm_signature(signature=signature)
        if kind and verified:
            verify_partner(signature=signature, user=None)
        signature.refresh_from_db()
        return signature

    return make
