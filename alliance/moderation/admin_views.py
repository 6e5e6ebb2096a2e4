from collections.abc import Mapping

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django_countries import countries
from wagtail.admin.auth import permission_required

from alliance.core.languages import NATIVE_NAMES
from alliance.submissions.models import KIND_MODELS, EventRequest, Submission

from . import services
from .forms import BulkDecisionForm, DecisionForm, EventTrackingForm, QueueFilterForm
from .models import Decision
from .selectors import decision_history, moderation_queue

MODERATE_PERMISSION = "submissions.moderate_submission"
PER_PAGE = 50
# The files each kind carries, in the order staff look at them.
FILE_FIELDS = {
    Submission.Kind.VIDEO: ("video", "poster"),
    Submission.Kind.PICTURE: ("picture",),
    Submission.Kind.PAPER: ("pdf",),
    Submission.Kind.EVENT: (),
}
# The small picture of each kind in the queue, best first: an unprocessed picture has no thumbnail yet.
THUMBNAIL_FIELDS = {Submission.Kind.VIDEO: ("poster",), Submission.Kind.PICTURE: ("thumbnail", "picture")}
# Shown elsewhere on the detail page (previews, decision history, the event tracking form) or of no use to staff.
NOT_LISTED = {"id", "submission_ptr", "kind", "state", "ip_hash", "width", "height", "decided_at", "decided_by"}
NOT_LISTED |= {"progress", "staff_notes", "video", "poster", "picture", "thumbnail", "pdf"}
LIST_LABELS: dict[str, Mapping[str, object]] = {"languages": NATIVE_NAMES, "needs": dict(EventRequest.Need.choices)}


def file_urls(submission: Submission) -> dict[str, str]:
    """Where staff see each file the submission has, by field name."""
    detail = submission.detail
    return {
        field: reverse("submissions:file", kwargs={"pk": submission.pk, "field": field})
        for field in FILE_FIELDS[Submission.Kind(submission.kind)]
        if getattr(detail, field)
    }


def field_rows(submission: Submission) -> list[tuple[str, object]]:
    """Label and value of each field the author filled in or the site recorded, for staff to read."""
    rows = []
    for field in submission._meta.concrete_fields:
        if field.name in NOT_LISTED:
            continue
        value = getattr(submission, field.name)
        if field.choices:
            value = getattr(submission, f"get_{field.name}_display")()
        elif field.name == "country" and value:
            value = countries.name(value) or value
        elif isinstance(value, list):
            labels = LIST_LABELS.get(field.name, {})
            value = ", ".join(str(labels.get(item, item)) for item in value)
        rows.append((str(field.verbose_name), value))
    return rows


def _thumbnail_url(submission: Submission) -> str:
    detail = submission.detail
    for field in THUMBNAIL_FIELDS.get(Submission.Kind(submission.kind), ()):
        if getattr(detail, field):
            return reverse("submissions:file", kwargs={"pk": submission.pk, "field": field})
    return ""


def _back(request: HttpRequest) -> HttpResponseRedirect:
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return HttpResponseRedirect(back)
    return redirect("moderation_queue")


def _staff(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


@permission_required(MODERATE_PERMISSION)
def queue(request: HttpRequest) -> HttpResponse:
    form = QueueFilterForm(request.GET, auto_id="moderation-%s")
    page = Paginator(moderation_queue(**form.filters()), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "moderation/admin/queue.html",
        {
            "form": form,
            "page": page,
            "rows": [(submission, _thumbnail_url(submission)) for submission in page],
            "bulk_form": BulkDecisionForm(auto_id="bulk-%s"),
        },
    )


@require_POST
@permission_required(MODERATE_PERMISSION)
def bulk_decide(request: HttpRequest) -> HttpResponseRedirect:
    form = BulkDecisionForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return _back(request)
    decided, skipped = services.decide_many(
        submissions=list(form.cleaned_data["submissions"]),
        user=_staff(request),
        action=Decision.Action(form.cleaned_data["action"]),
        reason=form.cleaned_data["reason"],
        note=form.cleaned_data["note"],
    )
    if decided:
        messages.success(
            request,
            ngettext("%(count)d submission decided.", "%(count)d submissions decided.", len(decided))
            % {"count": len(decided)},
        )
    if skipped:
        messages.warning(
            request,
            _("Not decided, because their state does not allow it: %(submissions)s")
            % {"submissions": ", ".join(str(submission) for submission in skipped)},
        )
    return _back(request)


def _detail_page(
    request: HttpRequest, submission: Submission, *, decision_form: DecisionForm | None = None, status: int = 200
) -> HttpResponse:
    detail = submission.detail
    return render(
        request,
        "moderation/admin/detail.html",
        {
            "submission": detail,
            "files": file_urls(submission),
            "fields": field_rows(detail),
            "decision_form": decision_form or DecisionForm(auto_id="decision-%s"),
            "tracking_form": (
                EventTrackingForm(
                    initial={"progress": detail.progress, "staff_notes": detail.staff_notes}, auto_id="tracking-%s"
                )
                if isinstance(detail, EventRequest)
                else None
            ),
            "history": decision_history(submission),
        },
        status=status,
    )


def _submission(pk: int) -> Submission:
    return get_object_or_404(
        Submission.objects.exclude(state=Submission.State.UNCONFIRMED).select_related(*KIND_MODELS.values()), pk=pk
    )


@permission_required(MODERATE_PERMISSION)
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail_page(request, _submission(pk))


@require_POST
@permission_required(MODERATE_PERMISSION)
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    submission = _submission(pk)
    form = DecisionForm(request.POST, auto_id="decision-%s")
    if not form.is_valid():
        return _detail_page(request, submission, decision_form=form, status=400)
    action, reason, note = form.cleaned_data["action"], form.cleaned_data["reason"], form.cleaned_data["note"]
    try:
        if action == Decision.Action.APPROVE:
            services.approve(submission=submission, user=_staff(request), note=note)
        elif action == Decision.Action.REJECT:
            services.reject(submission=submission, user=_staff(request), reason=reason, note=note)
        else:
            services.request_changes(submission=submission, user=_staff(request), note=note)
    except services.DecisionNotAllowedError as refusal:
        messages.error(request, str(refusal))
        return redirect("moderation_detail", pk=submission.pk)
    messages.success(
        request,
        _("%(submission)s: %(decision)s. The author gets an e-mail.")
        % {"submission": submission, "decision": Decision.Action(action).label},
    )
    return redirect("moderation_queue")


@require_POST
@permission_required(MODERATE_PERMISSION)
def track_event(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    event = get_object_or_404(EventRequest.objects.exclude(state=Submission.State.UNCONFIRMED), pk=pk)
    form = EventTrackingForm(request.POST)
    if form.is_valid():
        services.track_event_request(
            event=event,
            user=_staff(request),
            progress=form.cleaned_data["progress"],
            staff_notes=form.cleaned_data["staff_notes"],
        )
        messages.success(request, _("The progress of %(event)s is saved.") % {"event": event.title})
    else:
        messages.error(request, _("Choose a progress from the list."))
    return redirect("moderation_detail", pk=pk)
