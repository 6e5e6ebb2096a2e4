import pytest

from alliance.campaigns.models import Campaign
from alliance.signatures.models import Signature
from alliance.signatures.tests.factories import signed

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

    def make(name: str = "", *, kind: str = "", region: str = "", verified: bool = True, **fields) -> Signature:
        return signed(
            statement_campaign,
            organisation_kind=kind,
            organisation_name=name,
            region=region,
            verify=bool(kind) and verified,
            **fields,
        )

    return make
