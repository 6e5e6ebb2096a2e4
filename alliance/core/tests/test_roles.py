import pytest
from django.contrib.auth.models import Group, User

from alliance.core.roles import ADMINISTRATORS, EDITORS, MODERATORS, ensure_roles

pytestmark = pytest.mark.django_db


def staff_member(role: str) -> User:
    user = User.objects.create_user(username=role.lower(), password="a-long-password-for-tests")
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.mark.parametrize("role", [EDITORS, MODERATORS, ADMINISTRATORS])
def test_every_role_can_open_the_admin(client, role):
    client.force_login(staff_member(role))

    assert client.get("/admin/").status_code == 200


def test_editor_can_edit_statements_but_not_manage_users(client):
    client.force_login(staff_member(EDITORS))

    assert client.get("/admin/snippets/campaigns/statement/").status_code == 200
    assert client.get("/admin/users/").status_code == 302


def test_moderator_cannot_edit_statements(client):
    client.force_login(staff_member(MODERATORS))

    assert client.get("/admin/snippets/campaigns/statement/add/").status_code in (302, 403)


def test_administrator_can_manage_users(client):
    client.force_login(staff_member(ADMINISTRATORS))

    assert client.get("/admin/users/").status_code == 200


def test_ensuring_roles_again_changes_nothing():
    before = {group.name: group.permissions.count() for group in Group.objects.all()}

    ensure_roles()

    assert {group.name: group.permissions.count() for group in Group.objects.all()} == before


def test_visitor_without_a_role_is_sent_to_the_login(client):
    client.force_login(User.objects.create_user(username="visitor", password="a-long-password-for-tests"))

    assert client.get("/admin/").status_code == 302
