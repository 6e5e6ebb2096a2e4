from django import forms
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_required
from wagtail.log_actions import log

from alliance.campaigns.models import Campaign
from alliance.regions.nuts import EU_COUNTRIES

from .exports import signature_csv_rows
from .models import Signature
from .selectors import signatures_for_export

EXPORT_PERMISSION = "signatures.export_signature"
EXPORT_ACTION = "alliance.signatures.export"


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


@permission_required(EXPORT_PERMISSION)
def export_signatures(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    form = ExportForm(request.GET or None)
    if not request.GET.get("download") or not form.is_valid():
        return render(request, "signatures/admin/export.html", {"form": form})
    filters = {key: value for key, value in form.cleaned_data.items() if key != "campaign"}
    campaign = form.cleaned_data["campaign"]
    signatures = signatures_for_export(campaign=campaign, **filters)
    log(
        instance=campaign,
        action=EXPORT_ACTION,
        user=request.user,
        data={"filters": {key: str(value) for key, value in filters.items()}, "rows": signatures.count()},
    )
    response = StreamingHttpResponse(
        signature_csv_rows(signatures.iterator(chunk_size=2000)), content_type="text/csv; charset=utf-8"
    )
    filename = f"signatures-{campaign.slug}-{timezone.now():%Y%m%d-%H%M}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
