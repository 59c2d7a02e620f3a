from tests.alerts.conftest import admin_client, committed, inbox, legal_index  # noqa: F401
