from typing import Any

from .locales import ensure_locales
from .roles import ensure_roles


def set_up_site_after_migrate(**kwargs: Any) -> None:
    ensure_locales()
    ensure_roles()
