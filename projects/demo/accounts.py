"""Demo accounts. Demo only: the password is public and printed by ``load_demo``."""

from accounts.models import Role

# One password for every demo account; it is hashed into an account only when the account is created.
DEMO_PASSWORD = "transfer-demo"

COORDINATOR = Role.COORDINATOR.value
STEERING_GROUP = Role.STEERING_GROUP.value

USERS: list[dict] = [
    {
        "username": "admin",
        "first_name": "Demo",
        "last_name": "Administration",
        "email": "admin@example.org",
        "is_superuser": True,
        "groups": [],
        "municipalities": [],
        "role_label": "Superuser",
    },
    {
        "username": "koordination-bergkamen",
        "first_name": "Katrin",
        "last_name": "Hoffmann",
        "email": "koordination-bergkamen@example.org",
        "is_superuser": False,
        "groups": [COORDINATOR],
        "municipalities": ["Bergkamen"],
        "role_label": "Koordinatorin Bergkamen",
    },
    {
        "username": "koordination-selm",
        "first_name": "Markus",
        "last_name": "Wiese",
        "email": "koordination-selm@example.org",
        "is_superuser": False,
        "groups": [COORDINATOR],
        "municipalities": ["Selm"],
        "role_label": "Koordinator Selm",
    },
    {
        "username": "steuerungsgruppe",
        "first_name": "Julia",
        "last_name": "Brandt",
        "email": "steuerungsgruppe@example.org",
        "is_superuser": False,
        "groups": [STEERING_GROUP],
        "municipalities": [],
        "role_label": "Steuerungsgruppe",
    },
]
