from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin

from alliance.submissions.models import Submission


class RejectionReason(TranslatableMixin, models.Model):
    """A reason staff give often, written once per language so that the author reads it in theirs."""

    title = models.CharField(_("title"), max_length=100, help_text=_("What staff see in the list of reasons."))
    explanation = models.TextField(_("explanation"), help_text=_("What the author reads in the e-mail."))

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("rejection reason")
        verbose_name_plural = _("rejection reasons")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class Decision(models.Model):
    """What staff decided about a submission, by whom and when: the moderation history."""

    class Action(models.TextChoices):
        APPROVE = "approve", _("approved")
        REJECT = "reject", _("rejected")
        REQUEST_CHANGES = "request-changes", _("asked for changes")

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="decisions")
    action = models.CharField(_("decision"), max_length=20, choices=Action.choices)
    reason = models.ForeignKey(
        RejectionReason, verbose_name=_("reason"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(_("note to the author"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-decided_at"]

    def __str__(self) -> str:
        return f"{self.submission}: {self.get_action_display()}"
