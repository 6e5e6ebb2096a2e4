from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Statement


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
