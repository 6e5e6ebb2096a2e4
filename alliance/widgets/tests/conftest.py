from alliance.partners.tests.conftest import partner, statement_campaign  # noqa: F401
from alliance.signatures.tests.conftest import mailbox, petition, sign  # noqa: F401
