from django.db import models
from django.utils.translation import gettext_lazy as _


class Theme(models.TextChoices):
    """The four themes of Declaration 2.0, shared by the statement and the stories."""

    GREENER = "greener", _("A greener EU")
    SMART = "smart", _("A smart EU")
    INCLUSIVE = "inclusive", _("An inclusive EU")
    MULTILEVEL = "multilevel", _("A multilevel EU")
