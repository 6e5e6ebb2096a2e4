import csv
import io
from datetime import datetime, time, timedelta

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from alliance.campaigns.models import Campaign
from alliance.core.roles import ADMINISTRATORS, EDITORS, MODERATORS
from alliance.signatures.models import Signature
from alliance.signatures.selectors import (
    confirmation_rates,
    daily_activity,
    period_start,
    signatures_by_country,
    signatures_by_partner,
    top_partner_pages,
)
from alliance.signatures.services import recount_tallies

from .factories import signed
from .test_staff_tools import staff, table

pytestmark = pytest.mark.django_db

DASHBOARD_URL = "/admin/signatures/dashboard/"
SCHOOL_PAGE = "https://school.example.eu/support-cohesion"
REGION_PAGE = "https://podlaskie.example.eu/news/petition"


def noon(days_ago: int) -> datetime:
    """Midday of a past day in the site's time zone, well inside that day whatever the clock changes."""
    return timezone.make_aware(datetime.combine(timezone.localdate() - timedelta(days=days_ago), time(12)))


def sign(
    campaign: Campaign,
    *,
    country: str = "DE",
    confirmed: bool = False,
    days_ago: int = 0,
    via_partner: Signature | None = None,
    via_page: str = "",
    organisation_name: str = "",
    organisation_kind: str = "",
) -> Signature:
    """Sign through the services, then move the signature to a past day and a partner's page as needed."""
    signature = signed(
        campaign,
        country=country,
        confirm=confirmed,
        organisation_name=organisation_name,
        organisation_kind=organisation_kind,
    )
    # The partner widget fills these in; here they are set directly.
    changes: dict = {"via_partner": via_partner, "via_page": via_page}
    if days_ago:
        changes["created_at"] = noon(days_ago)
        if confirmed:
            changes["confirmed_at"] = noon(days_ago)
    Signature.objects.filter(pk=signature.pk).update(**changes)
    if days_ago and confirmed:
        recount_tallies(campaign=campaign)  # the day tallies follow the confirmation dates set above
    signature.refresh_from_db()
    return signature


@pytest.fixture
def signer():
    return sign


@pytest.fixture
def partners(signer, statement_campaign) -> tuple[Signature, Signature]:
    region = signer(
        statement_campaign,
        country="PL",
        confirmed=True,
        organisation_name="Podlaskie Region",
        organisation_kind=Signature.OrganisationKind.REGIONAL_AUTHORITY,
    )
    school = signer(
        statement_campaign,
        confirmed=True,
        organisation_name="Green School",
        organisation_kind=Signature.OrganisationKind.SCHOOL,
    )
    return region, school


@pytest.fixture
def activity(signer, petition, partners) -> None:
    """The petition's last weeks: eight signatures, four through partners' pages, one from before last week."""
    region, school = partners
    signer(petition, confirmed=True, via_partner=region, via_page=REGION_PAGE)
    signer(petition, confirmed=True, via_partner=region, via_page=REGION_PAGE)
    signer(petition, country="FR", confirmed=True, via_partner=school, via_page=SCHOOL_PAGE)
    signer(petition, country="FR", via_partner=school, via_page=SCHOOL_PAGE)
    signer(petition, country="PL")
    signer(petition, country="", confirmed=True)
    signer(petition, days_ago=3)
    signer(petition, country="IT", confirmed=True, days_ago=10)


def test_staff_see_signatures_per_day_for_the_chosen_period(client, activity):
    client.force_login(staff(EDITORS))

    content = client.get(DASHBOARD_URL, {"days": "7"}).content.decode()

    days = table(content, "daily-activity")
    assert len(days) == 7
    assert [row[1:] for row in days] == [["0", "0"]] * 3 + [["0", "1"], ["0", "0"], ["0", "0"], ["4", "2"]]
    assert content.count("<rect ") == 14


def test_staff_see_the_confirmation_rate_of_the_period_and_overall(client, activity):
    client.force_login(staff(EDITORS))

    content = client.get(DASHBOARD_URL, {"days": "7"}).content.decode()

    assert table(content, "confirmation-rate") == [
        ["In the last 7 days", "57.1 %", "4", "7"],
        ["Since the campaign opened", "62.5 %", "5", "8"],
    ]


def test_countries_are_listed_by_confirmed_signatures_with_their_share(client, activity):
    client.force_login(staff(EDITORS))

    content = client.get(DASHBOARD_URL, {"days": "7"}).content.decode()

    assert table(content, "countries") == [
        ["Germany (DE)", "2", "1", "50.0 %"],
        ["France (FR)", "1", "1", "25.0 %"],
        ["Outside the EU", "1", "0", "25.0 %"],
        ["Poland (PL)", "0", "1", "0.0 %"],
    ]


def test_partners_and_their_pages_are_listed_with_what_they_brought(client, activity):
    client.force_login(staff(EDITORS))

    content = client.get(DASHBOARD_URL, {"days": "7"}).content.decode()

    assert table(content, "partners") == [
        ["Podlaskie Region", "Regional authority", "2", "2"],
        ["Green School", "School", "1", "2"],
    ]
    assert table(content, "partner-pages") == [[REGION_PAGE, "2", "2"], [SCHOOL_PAGE, "2", "1"]]


def test_a_longer_period_takes_in_older_signatures(client, activity):
    client.force_login(staff(EDITORS))

    content = client.get(DASHBOARD_URL, {"days": "30"}).content.decode()

    assert len(table(content, "daily-activity")) == 30
    assert table(content, "confirmation-rate")[0] == ["In the last 30 days", "62.5 %", "5", "8"]
    assert ["Italy (IT)", "1", "0", "20.0 %"] in table(content, "countries")


def test_the_petition_is_shown_unless_another_campaign_is_chosen(client, activity, statement_campaign):
    client.force_login(staff(EDITORS))

    petition_page = client.get(DASHBOARD_URL).content.decode()
    statement_page = client.get(DASHBOARD_URL, {"campaign": statement_campaign.pk}).content.decode()

    assert len(table(petition_page, "daily-activity")) == 30
    assert table(petition_page, "confirmation-rate")[0][2:] == ["5", "8"]
    assert [row[0] for row in table(statement_page, "countries")] == ["Germany (DE)", "Poland (PL)"]
    assert table(statement_page, "confirmation-rate")[0][1:] == ["100.0 %", "2", "2"]
    assert table(statement_page, "partners") == [["No signatures through a partner's website in this period."]]


def test_an_unknown_period_falls_back_to_the_last_30_days_of_the_chosen_campaign(client, activity, statement_campaign):
    client.force_login(staff(EDITORS))

    response = client.get(DASHBOARD_URL, {"campaign": statement_campaign.pk, "days": "12"})

    content = response.content.decode()
    assert response.status_code == 200
    assert "Select a valid choice" in content
    assert len(table(content, "daily-activity")) == 30
    assert table(content, "confirmation-rate")[0][2:] == ["2", "2"]


def test_only_the_20_pages_that_brought_most_signatures_are_listed(client, signer, petition, partners):
    region, _ = partners
    for number in range(21):
        signer(petition, via_partner=region, via_page=f"https://podlaskie.example.eu/page-{number}")
    signer(petition, via_partner=region, via_page="https://podlaskie.example.eu/page-7")
    client.force_login(staff(EDITORS))

    rows = table(client.get(DASHBOARD_URL).content.decode(), "partner-pages")

    assert len(rows) == 20
    assert rows[0] == ["https://podlaskie.example.eu/page-7", "2", "0"]


def test_country_and_partner_tables_download_as_csv(client, activity, petition):
    client.force_login(staff(EDITORS))

    countries = client.get(DASHBOARD_URL, {"campaign": petition.pk, "days": "7", "download": "countries"})
    partners = client.get(DASHBOARD_URL, {"campaign": petition.pk, "days": "7", "download": "partners"})

    assert countries["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in countries["Content-Disposition"]
    country_rows = list(csv.DictReader(io.StringIO(countries.content.decode())))
    assert [(row["country"], row["confirmed"], row["pending"], row["share_percent"]) for row in country_rows] == [
        ("DE", "2", "1", "50.0"),
        ("FR", "1", "1", "25.0"),
        ("", "1", "0", "25.0"),
        ("PL", "0", "1", "0.0"),
    ]
    partner_rows = list(csv.DictReader(io.StringIO(partners.content.decode())))
    assert [(row["organisation"], row["organisation_kind"], row["confirmed"]) for row in partner_rows] == [
        ("Podlaskie Region", "regional-authority", "2"),
        ("Green School", "school", "1"),
    ]


def test_a_partner_name_cannot_run_as_a_spreadsheet_formula(client, signer, petition, statement_campaign):
    partner = signer(statement_campaign, organisation_name="=HYPERLINK(1)", organisation_kind="ngo")
    signer(petition, via_partner=partner, via_page="https://evil.example/")
    client.force_login(staff(EDITORS))

    response = client.get(DASHBOARD_URL, {"download": "partners"})

    rows = csv.DictReader(io.StringIO(response.content.decode()))
    assert [row["organisation"] for row in rows] == ["'=HYPERLINK(1)"]


@pytest.mark.parametrize("role", [EDITORS, MODERATORS, ADMINISTRATORS])
def test_every_staff_role_finds_the_dashboard_in_the_menu(client, role):
    client.force_login(staff(role))

    assert client.get(DASHBOARD_URL).status_code == 200
    assert "Campaign dashboard" in client.get("/admin/").content.decode()


def test_someone_without_staff_access_is_sent_to_the_login_page(client):
    client.force_login(User.objects.create_user(username="visitor", password="a-long-password-for-tests"))

    response = client.get(DASHBOARD_URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_dashboard_figures_take_one_or_two_queries_each(activity, petition, django_assert_num_queries):
    since = period_start(7)

    with django_assert_num_queries(2):
        days = daily_activity(petition, days=7)
    with django_assert_num_queries(1):
        rates = confirmation_rates(petition, since=since)
    with django_assert_num_queries(1):
        countries = signatures_by_country(petition, since=since)
    with django_assert_num_queries(1):
        partners = signatures_by_partner(petition, since=since)
    with django_assert_num_queries(1):
        pages = top_partner_pages(petition, since=since)

    assert (days[-1].confirmed, days[-1].pending) == (4, 2)
    assert (rates.period.confirmed, rates.period.sent, rates.overall.sent) == (4, 7, 8)
    assert [row.country for row in countries] == ["DE", "FR", "", "PL"]
    assert [(row.organisation_name, row.signatures) for row in partners] == [
        ("Podlaskie Region", 2),
        ("Green School", 2),
    ]
    assert [row.page for row in pages] == [REGION_PAGE, SCHOOL_PAGE]
