from django.db import models
from django.utils.translation import gettext_lazy as _

from .nuts import EU_COUNTRIES


class RegionQuerySet(models.QuerySet["Region"]):
    def countries(self) -> "RegionQuerySet":
        return self.filter(level=Region.Level.COUNTRY)

    def nuts2(self) -> "RegionQuerySet":
        return self.filter(level=Region.Level.NUTS2)

    def in_eu(self) -> "RegionQuerySet":
        return self.filter(country__in=EU_COUNTRIES)


class Region(models.Model):
    """A NUTS region's boundary as published by Eurostat GISCO, for drawing the supporter map.

    Only countries (level 0) and NUTS-2 regions are kept: the map colours NUTS-2 regions and draws
    country borders on top. Outermost regions lie outside the Europe frame of the published files;
    their boundary comes from the inset files, which `inset` names.
    """

    class Level(models.IntegerChoices):
        COUNTRY = 0, _("country")
        NUTS2 = 2, _("NUTS-2 region")

    code = models.CharField(_("NUTS code"), max_length=5, unique=True)
    level = models.PositiveSmallIntegerField(_("NUTS level"), choices=Level.choices)
    country = models.CharField(
        _("country"), max_length=2, db_index=True, help_text=_("ISO 3166 code: GR for Greece, whose NUTS codes use EL.")
    )
    name = models.CharField(_("name"), max_length=200, help_text=_("In Latin script, as Eurostat writes it."))
    geometry = models.TextField(_("geometry"), help_text=_("GeoJSON Polygon or MultiPolygon in longitude, latitude."))
    label_longitude = models.FloatField(_("label longitude"), null=True, blank=True)
    label_latitude = models.FloatField(_("label latitude"), null=True, blank=True)
    inset = models.CharField(
        _("inset"), max_length=8, blank=True, help_text=_("The inset map the boundary comes from, e.g. IC or PT20.")
    )
    source = models.CharField(_("source"), max_length=300)
    loaded_at = models.DateTimeField(_("loaded at"))

    objects = RegionQuerySet.as_manager()

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(condition=models.Q(level__in=[0, 2]), name="region_level_0_or_2"),
            models.CheckConstraint(
                condition=models.Q(label_longitude__isnull=True, label_latitude__isnull=True)
                | models.Q(label_longitude__isnull=False, label_latitude__isnull=False),
                name="region_label_point_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"
