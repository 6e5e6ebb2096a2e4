from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from alliance.core.languages import EU_LANGUAGES
from alliance.regions.nuts import EU_COUNTRIES
from alliance.submissions.models import EventRequest, Submission

from .models import Decision, RejectionReason
from .selectors import ALL_STATES


def _country_choices() -> list[tuple[str, object]]:
    eu = sorted(((code, str(countries.name(code))) for code in EU_COUNTRIES), key=lambda choice: choice[1])
    return [("", _("All countries")), *eu]


DECIDED_STATES = [(value, label) for value, label in Submission.State.choices if value != Submission.State.UNCONFIRMED]


class QueueFilterForm(forms.Form):
    """Filters read from the address, so that a filtered queue can be linked to and works without JavaScript."""

    state = forms.ChoiceField(
        label=_("State"), choices=[*DECIDED_STATES, (ALL_STATES, _("All states"))], required=False
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("All kinds")), *Submission.Kind.choices], required=False)
    language = forms.ChoiceField(label=_("Language"), choices=[("", _("All languages")), *EU_LANGUAGES], required=False)
    country = forms.ChoiceField(label=_("Country"), choices=_country_choices, required=False)

    def filters(self) -> dict[str, str]:
        """The valid filters; one that is not valid is ignored rather than shown as an error."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: self.cleaned_data.get(name, "") for name in self.fields if name not in self.errors}


class DecisionForm(forms.Form):
    action = forms.ChoiceField(label=_("Decision"), choices=Decision.Action.choices, widget=forms.RadioSelect)
    # Staff choose among the reasons as first written; the author reads the one translated into their language.
    reason = forms.ModelChoiceField(
        label=_("Reason"),
        queryset=RejectionReason.objects.filter(locale__language_code=settings.LANGUAGE_CODE),
        required=False,
        empty_label=_("No reason from the list"),
    )
    note = forms.CharField(
        label=_("Note to the author"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent in the e-mail as you write it. Required when you ask for changes."),
    )

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        action, reason, note = cleaned.get("action"), cleaned.get("reason"), cleaned.get("note", "")
        if action == Decision.Action.REQUEST_CHANGES and not note:
            self.add_error("note", _("Tell the author what to change."))
        if action == Decision.Action.REJECT and reason is None and not note:
            self.add_error("reason", _("Choose a reason or write a note: the author should know why."))
        return cleaned


class BulkDecisionForm(DecisionForm):
    """One decision for the submissions ticked in the queue; asking for changes is for one submission at a time."""

    action = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (value, label) for value, label in Decision.Action.choices if value != Decision.Action.REQUEST_CHANGES
        ],
        widget=forms.RadioSelect,
    )
    submissions = forms.ModelMultipleChoiceField(
        queryset=Submission.objects.exclude(state=Submission.State.UNCONFIRMED),
        error_messages={"required": _("Tick the submissions to decide on.")},
    )


class EventTrackingForm(forms.Form):
    progress = forms.ChoiceField(label=_("Progress"), choices=EventRequest.Progress.choices)
    staff_notes = forms.CharField(
        label=_("Staff notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Seen by staff only."),
    )
