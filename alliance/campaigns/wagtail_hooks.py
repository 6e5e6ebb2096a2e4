from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Campaign, Statement


class StatementViewSet(SnippetViewSet):
    model = Statement
    icon = "doc-full"
    menu_label = _("Statements")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["title", "slug", "adopted_on", "is_current", "locale"]
    list_filter = ["locale", "is_current"]
    search_fields = ["title", "summary"]


register_snippet(StatementViewSet)


class CampaignViewSet(SnippetViewSet):
    model = Campaign
    icon = "crosshairs"
    menu_label = _("Campaigns")
    menu_order = 190
    add_to_admin_menu = True
    list_display = ["title", "slug", "kind", "goal", "opens_at", "closes_at"]
    list_filter = ["kind"]


register_snippet(CampaignViewSet)
