from datetime import timedelta

from django import forms
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import any_permission_required, permission_required
from wagtail.log_actions import log
from wagtail.snippets.views.snippets import CreateView

from alliance.campaigns.models import Campaign
from alliance.regions.nuts import EU_COUNTRIES

from .exports import country_csv, partner_csv, signature_csv_rows
from .models import Signature
from .selectors import (
    BUSIEST_LIMIT,
    TOP_PAGES_LIMIT,
    busiest_email_domains,
    busiest_ip_hashes,
    confirmation_rates,
    daily_activity,
    period_start,
    signatures_by_country,
    signatures_by_partner,
    signatures_for_export,
    top_partner_pages,
)

EXPORT_PERMISSION = "signatures.export_signature"
EXPORT_ACTION = "alliance.signatures.export"
# The progress indicator on the export page reads the number of rows to expect from this header.
EXPORT_ROWS_HEADER = "X-Export-Rows"
# Whoever may change a block list may see where the signatures that might call for a block come from.
ABUSE_PERMISSIONS = ("signatures.change_blockedemaildomain", "signatures.change_blockednetwork")
BLOCK_DOMAIN_PERMISSION = "signatures.add_blockedemaildomain"
DEFAULT_WINDOW_MINUTES = 60
# The dashboard shows counts only, no personal data: whoever may enter the admin may see it.
DASHBOARD_PERMISSION = "wagtailadmin.access_admin"
DEFAULT_DASHBOARD_DAYS = 30


class ExportForm(forms.Form):
    campaign = forms.ModelChoiceField(label=_("Campaign"), queryset=Campaign.objects.all(), empty_label=None)
    status = forms.ChoiceField(label=_("Status"), choices=[("", _("All")), *Signature.Status.choices], required=False)
    country = forms.ChoiceField(
        label=_("Country"), choices=[("", _("All")), *((code, code) for code in EU_COUNTRIES)], required=False
    )
    news_opt_in = forms.NullBooleanField(
        label=_("Wants campaign news"),
        required=False,
        widget=forms.Select(choices=[("unknown", _("All")), ("true", _("Yes")), ("false", _("No"))]),
    )


class BusiestSourcesForm(forms.Form):
    window = forms.TypedChoiceField(
        label=_("Time window"),
        choices=[(15, _("Last 15 minutes")), (60, _("Last hour")), (24 * 60, _("Last 24 hours"))],
        coerce=int,
        initial=DEFAULT_WINDOW_MINUTES,
    )


class DashboardForm(forms.Form):
    campaign = forms.ModelChoiceField(label=_("Campaign"), queryset=Campaign.objects.all(), empty_label=None)
    days = forms.TypedChoiceField(
        label=_("Period"),
        choices=[(7, _("Last 7 days")), (30, _("Last 30 days")), (90, _("Last 90 days"))],
        coerce=int,
    )


def _default_campaign() -> Campaign | None:
    return Campaign.objects.filter(kind=Campaign.Kind.PETITION).first() or Campaign.objects.first()


@permission_required(EXPORT_PERMISSION)
def export_signatures(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    form = ExportForm(request.GET or None)
    if not form.is_valid():
        return render(request, "signatures/admin/export.html", {"form": form})
    filters = {key: value for key, value in form.cleaned_data.items() if key != "campaign"}
    campaign = form.cleaned_data["campaign"]
    signatures = signatures_for_export(campaign=campaign, **filters)
    rows = signatures.count()
    if not request.GET.get("download"):
        return render(request, "signatures/admin/export.html", {"form": form, "rows": rows})
    log(
        instance=campaign,
        action=EXPORT_ACTION,
        user=request.user,
        data={"filters": {key: str(value) for key, value in filters.items()}, "rows": rows},
    )
    response = StreamingHttpResponse(
        signature_csv_rows(signatures.iterator(chunk_size=2000)), content_type="text/csv; charset=utf-8"
    )
    filename = f"signatures-{campaign.slug}-{timezone.now():%Y%m%d-%H%M}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response[EXPORT_ROWS_HEADER] = str(rows)
    return response


@any_permission_required(*ABUSE_PERMISSIONS)
def busiest_sources(request: HttpRequest) -> HttpResponse:
    form = BusiestSourcesForm(request.GET or None)
    minutes = form.cleaned_data["window"] if form.is_valid() else DEFAULT_WINDOW_MINUTES
    since = timezone.now() - timedelta(minutes=minutes)
    can_block_domains = request.user.has_perm(BLOCK_DOMAIN_PERMISSION)
    context = {
        "form": form,
        "since": since,
        "limit": BUSIEST_LIMIT,
        "ip_hashes": busiest_ip_hashes(since=since),
        "email_domains": busiest_email_domains(since=since),
        "block_domain_url": reverse("wagtailsnippets_signatures_blockedemaildomain:add") if can_block_domains else "",
    }
    return render(request, "signatures/admin/busiest_sources.html", context)


@permission_required(DASHBOARD_PERMISSION)
def campaign_dashboard(request: HttpRequest) -> HttpResponse:
    default = _default_campaign()
    if default is None:
        return render(request, "signatures/admin/dashboard.html", {"form": None})
    defaults = {"campaign": default.pk, "days": DEFAULT_DASHBOARD_DAYS}
    form = DashboardForm({**defaults, **request.GET.dict()})
    form.is_valid()  # a choice that is not offered shows its error; the other choice still applies
    campaign = form.cleaned_data.get("campaign", default)
    days = form.cleaned_data.get("days", DEFAULT_DASHBOARD_DAYS)
    since = period_start(days)
    countries = signatures_by_country(campaign, since=since)
    partners = signatures_by_partner(campaign, since=since)
    table = request.GET.get("download")
    if table in ("countries", "partners"):
        content = country_csv(countries) if table == "countries" else partner_csv(partners)
        response = HttpResponse(content, content_type="text/csv; charset=utf-8")
        filename = f"signatures-{campaign.slug}-{table}-{days}-days-{timezone.localdate():%Y%m%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    context = {
        "form": form,
        "campaign": campaign,
        "days": days,
        "since": since,
        "activity": daily_activity(campaign, days=days),
        "rates": confirmation_rates(campaign, since=since),
        "countries": countries,
        "partners": partners,
        "pages": top_partner_pages(campaign, since=since),
        "pages_limit": TOP_PAGES_LIMIT,
    }
    return render(request, "signatures/admin/dashboard.html", context)


class BlockedEmailDomainCreateView(CreateView):
    def get_initial(self) -> dict:
        # The busiest sources page links here with the domain to block filled in.
        return {**super().get_initial(), "domain": self.request.GET.get("domain", "")}
