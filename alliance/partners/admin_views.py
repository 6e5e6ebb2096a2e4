from collections.abc import Callable

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_required

from alliance.signatures.admin_views import EXPORT_PERMISSION
from alliance.signatures.models import Signature

from . import services
from .forms import VerificationFilterForm
from .models import Partner
from .selectors import partners_for_verification

VERIFY_PERMISSION = "partners.verify_partner"
PER_PAGE = 50


@permission_required(VERIFY_PERMISSION)
def verification_list(request: HttpRequest) -> HttpResponse:
    form = VerificationFilterForm(request.GET, auto_id="partners-%s")
    # Checking who signed may need the contact, but only staff already trusted with personal data see it.
    show_contact = request.user.has_perm(EXPORT_PERMISSION)
    partners = partners_for_verification(**form.filters(), with_contact=show_contact)
    return render(
        request,
        "partners/admin/verification.html",
        {
            "form": form,
            "partners": Paginator(partners, PER_PAGE).get_page(request.GET.get("page")),
            "show_contact": show_contact,
        },
    )


def _change_verification(
    request: HttpRequest, pk: int, change: Callable[..., bool], done: str, unchanged: str
) -> HttpResponseRedirect:
    partner = get_object_or_404(Partner.objects.filter(kind=Signature.Kind.ORGANISATION), pk=pk)
    if change(signature=partner, user=request.user):
        messages.success(request, done % {"organisation": partner.organisation_name})
    else:
        messages.info(request, unchanged % {"organisation": partner.organisation_name})
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return HttpResponseRedirect(back)
    return redirect("partners_verification")


@require_POST
@permission_required(VERIFY_PERMISSION)
def verify(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    return _change_verification(
        request,
        pk,
        services.verify_partner,
        done=_("%(organisation)s is verified and appears in the public partner list unless it opted out."),
        unchanged=_("%(organisation)s had already been verified."),
    )


@require_POST
@permission_required(VERIFY_PERMISSION)
def unverify(request: HttpRequest, pk: int) -> HttpResponseRedirect:
    return _change_verification(
        request,
        pk,
        services.unverify_partner,
        done=_("The verification of %(organisation)s is withdrawn."),
        unchanged=_("%(organisation)s was not verified."),
    )
