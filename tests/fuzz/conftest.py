from tests.admin.conftest import world  # noqa: F401  (the back-office records of Bergkamen and Selm)
