from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views, services


@hooks.register("register_admin_urls")
def register_verification_urls() -> list:
    return [
        path("partners/", admin_views.verification_list, name="partners_verification"),
        path("partners/<int:pk>/verify/", admin_views.verify, name="partners_verify"),
        path("partners/<int:pk>/unverify/", admin_views.unverify, name="partners_unverify"),
    ]


class VerificationMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(admin_views.VERIFY_PERMISSION)


@hooks.register("register_admin_menu_item")
def register_verification_menu_item() -> MenuItem:
    return VerificationMenuItem(_("Verify partners"), reverse("partners_verification"), icon_name="group", order=225)


@hooks.register("register_log_actions")
def register_verification_log_actions(actions) -> None:
    actions.register_action(services.VERIFY_ACTION, _("Verify partner"), _("Partner verified"))
    actions.register_action(
        services.UNVERIFY_ACTION, _("Withdraw partner verification"), _("Partner verification withdrawn")
    )
