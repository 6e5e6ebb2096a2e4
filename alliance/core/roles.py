"""The staff roles: editors run the content, moderators review what the public sends, administrators run the site."""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

EDITORS = "Editors"
MODERATORS = "Moderators"
ADMINISTRATORS = "Administrators"

ABUSE_MODELS = ("signatures.blockedemaildomain", "signatures.blockednetwork")
MODERATION_MODELS = ("moderation.rejectionreason",)
CONTENT_MODELS = ("campaigns.campaign", "campaigns.statement", "content.librarydocument", "content.material")
PAGE_PERMISSIONS = {
    EDITORS: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"),
    MODERATORS: ("add_page", "change_page", "publish_page"),
    ADMINISTRATORS: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"),
}
COLLECTION_PERMISSIONS = {
    EDITORS: ("add", "change", "choose", "delete"),
    MODERATORS: ("add", "change", "choose"),
    ADMINISTRATORS: ("add", "change", "choose", "delete"),
}


def _model_permissions(model_labels: tuple[str, ...], actions: tuple[str, ...]) -> list[Permission]:
    permissions = []
    for label in model_labels:
        app_label, model_name = label.split(".")
        for action in actions:
            permissions.append(
                Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model_name}")
            )
    return permissions


@transaction.atomic
def ensure_roles() -> None:
    """Create or complete the three staff groups; running it again changes nothing."""
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    if root_page is None or root_collection is None:
        return

    permissions_by_group = {
        EDITORS: [admin_access, *_model_permissions(CONTENT_MODELS, ("add", "change", "delete", "view"))],
        MODERATORS: [
            admin_access,
            *_model_permissions(CONTENT_MODELS, ("view",)),
            *_model_permissions(ABUSE_MODELS, ("add", "change", "delete", "view")),
            Permission.objects.get(content_type__app_label="partners", codename="verify_partner"),
            Permission.objects.get(content_type__app_label="submissions", codename="moderate_submission"),
            *_model_permissions(MODERATION_MODELS, ("add", "change", "delete", "view")),
        ],
        ADMINISTRATORS: list(Permission.objects.all()),
    }
    for name, permissions in permissions_by_group.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)
        for codename in PAGE_PERMISSIONS[name]:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=Permission.objects.get(codename=codename)
            )
        for model in ("wagtailimages.image", "wagtaildocs.document"):
            app_label, model_name = model.split(".")
            for action in COLLECTION_PERMISSIONS[name]:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=Permission.objects.get(
                        content_type__app_label=app_label, codename=f"{action}_{model_name}"
                    ),
                )
