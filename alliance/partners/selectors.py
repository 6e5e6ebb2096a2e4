"""Who appears in the public partner list, and which partners staff still have to verify."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Lower

from alliance.campaigns.models import Campaign
from alliance.signatures.models import Signature

from .models import Partner

AWAITING = "awaiting"
VERIFIED = "verified"
ALL = "all"

# Institutional partners speak for a territory, so they are shown only once staff have checked who signed.
_VERIFIED_IF_INSTITUTIONAL = Q(verified_at__isnull=False) | ~Q(organisation_kind__in=Signature.INSTITUTIONAL_KINDS)


@dataclass(frozen=True)
class KindCount:
    kind: str
    label: str
    count: int


def _confirmed_organisations() -> QuerySet[Partner]:
    return Partner.objects.filter(
        status=Signature.Status.CONFIRMED, kind=Signature.Kind.ORGANISATION, campaign__kind=Campaign.Kind.STATEMENT
    )


def _narrowed(
    partners: QuerySet[Partner], *, country: str = "", kind: str = "", region: str = "", search: str = ""
) -> QuerySet[Partner]:
    if country:
        partners = partners.filter(country=country)
    if kind:
        partners = partners.filter(organisation_kind=kind)
    if region:
        partners = partners.filter(region=region)
    if search:
        partners = partners.filter(organisation_name__icontains=search)
    return partners


def _listed_publicly() -> QuerySet[Partner]:
    return _confirmed_organisations().filter(_VERIFIED_IF_INSTITUTIONAL, listed=True)


def public_partners(*, country: str = "", kind: str = "", region: str = "", search: str = "") -> QuerySet[Partner]:
    """The organisations shown in the public partner list, by name.

    Confirmed signatures of the statement that did not opt out of the list; regional and local
    authorities and their associations only once verified. `region` is a NUTS-2 code.
    """
    partners = _narrowed(_listed_publicly(), country=country, kind=kind, region=region, search=search)
    # Contact name and address are not shown publicly: they are not even decrypted.
    return partners.defer("name", "email").order_by(Lower("organisation_name"), "pk")


def partner_counts_by_kind(*, country: str = "", region: str = "", search: str = "") -> list[KindCount]:
    """How many publicly listed partners there are of each kind, in the order of the kinds, zeros left out."""
    partners = _narrowed(_listed_publicly(), country=country, region=region, search=search)
    counts = dict(partners.order_by().values_list("organisation_kind").annotate(count=Count("pk")))
    return [
        KindCount(kind=value, label=str(label), count=counts[value])
        for value, label in Signature.OrganisationKind.choices
        if counts.get(value)
    ]


def partners_for_verification(
    *, status: str = AWAITING, country: str = "", kind: str = "", search: str = "", with_contact: bool = False
) -> QuerySet[Partner]:
    """Confirmed organisation signatures for staff to check; those awaiting verification oldest first.

    Contact name and e-mail address are decrypted only for staff allowed to see personal data.
    """
    partners = _narrowed(_confirmed_organisations(), country=country, kind=kind, search=search)
    if status == AWAITING:
        partners = partners.filter(
            organisation_kind__in=Signature.INSTITUTIONAL_KINDS, verified_at__isnull=True
        ).order_by("confirmed_at", "pk")
    elif status == VERIFIED:
        partners = partners.filter(verified_at__isnull=False).order_by("-verified_at", "-pk")
    else:
        partners = partners.order_by("-confirmed_at", "-pk")
    if not with_contact:
        partners = partners.defer("name", "email")
    return partners.select_related("verified_by")
