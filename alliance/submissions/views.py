from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from alliance.content.models import StandardPage
from alliance.core.i18n import localized_page_url
from alliance.signatures.abuse import client_ip

from . import services
from .forms import FORMS
from .models import Submission
from .tokens import CONFIRM, MANAGE, submission_for_token


def _privacy_url(request: HttpRequest) -> str:
    privacy_page = StandardPage.objects.live().filter(slug="privacy").first()
    return localized_page_url(privacy_page, request) if privacy_page else ""


# Like the sign forms: no account or session is at stake, and nothing is public before the author
# confirms by e-mail and staff approve; the captcha refuses forged posts (docs/architecture.md).
@csrf_exempt
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def submit(request: HttpRequest, slug: str) -> HttpResponse:
    form_class = FORMS.get(slug)
    if form_class is None:
        raise Http404
    if request.method == "POST":
        form = form_class(request.POST, request.FILES)
        if form.is_valid():
            if not form.is_from_a_robot:
                services.submit(
                    submission=form.save(commit=False),
                    kind=form_class.kind,
                    publication_consent=form.cleaned_data.get("publication_consent", False),
                    ip_address=client_ip(request),
                )
            return redirect(reverse("submissions:thanks", kwargs={"slug": slug}))
    else:
        form = form_class(initial={"language": request.LANGUAGE_CODE})
    return render(
        request,
        "submissions/submission_form.html",
        {
            "form": form,
            "slug": slug,
            "kind_label": Submission.Kind(form_class.kind).label,
            "privacy_url": _privacy_url(request),
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "HEAD"])
def thanks(request: HttpRequest, slug: str) -> HttpResponse:
    if slug not in FORMS:
        raise Http404
    return render(request, "submissions/thanks.html", {"slug": slug})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    # Opening the link only shows a button: mail scanners that follow links do not confirm anything.
    submission = submission_for_token(token, CONFIRM)
    if submission is None:
        return render(request, "signatures/link_invalid.html", status=404)
    if submission.state != Submission.State.UNCONFIRMED:
        state = "already_confirmed"
    elif request.method == "POST":
        services.confirm_submission(submission=submission)
        state = "confirmed"
    else:
        state = "pending"
    return render(request, "submissions/confirm.html", {"state": state, "submission": submission})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def manage(request: HttpRequest, token: str) -> HttpResponse:
    """Where the author sees what became of their submission and can have it erased with their data."""
    submission = submission_for_token(token, MANAGE)
    if submission is None:
        return render(request, "signatures/link_invalid.html", status=404)
    if request.method == "POST" and request.POST.get("action") == "erase":
        services.erase_submission(submission=submission)
        return render(request, "submissions/erased.html")
    return render(request, "submissions/manage.html", {"submission": submission})
