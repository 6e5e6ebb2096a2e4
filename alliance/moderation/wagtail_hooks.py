from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views, services
from .models import RejectionReason


@hooks.register("register_admin_urls")
def register_moderation_urls() -> list:
    return [
        path("moderation/", admin_views.queue, name="moderation_queue"),
        path("moderation/decide/", admin_views.bulk_decide, name="moderation_bulk_decide"),
        path("moderation/<int:pk>/", admin_views.detail, name="moderation_detail"),
        path("moderation/<int:pk>/decide/", admin_views.decide, name="moderation_decide"),
        path("moderation/<int:pk>/event/", admin_views.track_event, name="moderation_track_event"),
    ]


class ModerationMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(admin_views.MODERATE_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item() -> MenuItem:
    return ModerationMenuItem(_("Moderation"), reverse("moderation_queue"), icon_name="tasks", order=215)


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions) -> None:
    actions.register_action(services.APPROVE_ACTION, _("Approve submission"), _("Submission approved"))
    actions.register_action(services.REJECT_ACTION, _("Reject submission"), _("Submission rejected"))
    actions.register_action(
        services.REQUEST_CHANGES_ACTION, _("Ask for changes to a submission"), _("Changes to the submission requested")
    )
    actions.register_action(services.TRACK_EVENT_ACTION, _("Track event request"), _("Event request progress saved"))


class RejectionReasonViewSet(SnippetViewSet):
    model = RejectionReason
    icon = "comment"
    menu_label = _("Rejection reasons")
    menu_order = 216
    add_to_admin_menu = True
    list_display = ["title", "locale"]
    list_filter = ["locale"]
    search_fields = ["title", "explanation"]


register_snippet(RejectionReasonViewSet)
