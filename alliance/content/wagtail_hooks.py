from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import LibraryDocument, Material


class LibraryDocumentViewSet(SnippetViewSet):
    model = LibraryDocument
    icon = "doc-full-inverse"
    menu_label = _("Library")
    list_display = ["title", "author_organisation", "kind", "language", "published_on"]
    list_filter = ["kind", "language"]
    search_fields = ["title", "author_organisation", "summary"]


class MaterialViewSet(SnippetViewSet):
    model = Material
    icon = "download"
    menu_label = _("Materials")
    list_display = ["title", "kind", "language", "width", "height"]
    list_filter = ["kind", "language"]
    search_fields = ["title"]


class ContentViewSetGroup(SnippetViewSetGroup):
    items = (LibraryDocumentViewSet, MaterialViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Library and materials")
    menu_order = 210


register_snippet(ContentViewSetGroup)
