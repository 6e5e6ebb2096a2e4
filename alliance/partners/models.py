from django.utils.translation import gettext_lazy as _

from alliance.regions import nuts
from alliance.signatures.models import Signature


class Partner(Signature):
    """An organisation's signature seen as a partner of the alliance: listed publicly, verified by staff.

    A proxy: the rows are the signatures themselves. It gives verification its own permission and
    names the partner by its organisation in the site history.
    """

    class Meta:
        proxy = True
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        default_permissions = ()
        permissions = [("verify_partner", _("Can verify institutional partners"))]

    def __str__(self) -> str:
        return self.organisation_name or super().__str__()

    @property
    def is_institutional(self) -> bool:
        return self.organisation_kind in Signature.INSTITUTIONAL_KINDS

    @property
    def region_name(self) -> str:
        return nuts.region_name(self.region) if self.region else ""

    @property
    def website_label(self) -> str:
        """The website's address as people read it, without the scheme."""
        return self.website.split("://", 1)[-1].rstrip("/")
