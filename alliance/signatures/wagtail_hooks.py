from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from alliance.campaigns.models import Campaign

from . import admin_views
from .models import BlockedEmailDomain, BlockedNetwork
from .selectors import campaign_count


class BlockedEmailDomainViewSet(SnippetViewSet):
    model = BlockedEmailDomain
    add_view_class = admin_views.BlockedEmailDomainCreateView
    icon = "warning"
    menu_label = _("Blocked e-mail domains")
    list_display = ["domain", "reason", "created_at"]
    search_fields = ["domain", "reason"]


class BlockedNetworkViewSet(SnippetViewSet):
    model = BlockedNetwork
    icon = "warning"
    menu_label = _("Blocked IP address ranges")
    list_display = ["network", "reason", "created_at"]
    search_fields = ["network", "reason"]


class AbuseViewSetGroup(SnippetViewSetGroup):
    items = (BlockedEmailDomainViewSet, BlockedNetworkViewSet)
    menu_icon = "warning"
    menu_label = _("Block lists")
    menu_order = 220


register_snippet(AbuseViewSetGroup)


@hooks.register("register_admin_urls")
def register_signature_urls() -> list:
    return [
        path("signatures/export/", admin_views.export_signatures, name="signatures_export"),
        path("signatures/busiest-sources/", admin_views.busiest_sources, name="signatures_busiest_sources"),
        path("signatures/dashboard/", admin_views.campaign_dashboard, name="signatures_dashboard"),
    ]


class ExportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(admin_views.EXPORT_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_export_menu_item() -> MenuItem:
    return ExportMenuItem(_("Export signatures"), reverse("signatures_export"), icon_name="download", order=230)


class BusiestSourcesMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return any(request.user.has_perm(permission) for permission in admin_views.ABUSE_PERMISSIONS)


@hooks.register("register_admin_menu_item")
def register_busiest_sources_menu_item() -> MenuItem:
    return BusiestSourcesMenuItem(
        _("Busiest sources"), reverse("signatures_busiest_sources"), icon_name="list-ol", order=225
    )


class DashboardMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(admin_views.DASHBOARD_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_dashboard_menu_item() -> MenuItem:
    return DashboardMenuItem(_("Campaign dashboard"), reverse("signatures_dashboard"), icon_name="table", order=210)


@hooks.register("register_log_actions")
def register_export_log_action(actions) -> None:
    actions.register_action(admin_views.EXPORT_ACTION, _("Export signatures"), _("Signatures exported"))


class SignaturesPanel(Component):
    """The staff dashboard's view of each campaign: confirmed signatures and their daily course."""

    name = "signatures"
    order = 50
    template_name = "signatures/admin/dashboard_panel.html"

    def get_context_data(self, parent_context=None) -> dict:
        return {"counts": [campaign_count(campaign) for campaign in Campaign.objects.all()]}


@hooks.register("construct_homepage_panels")
def add_signatures_panel(request, panels) -> None:
    panels.append(SignaturesPanel())
