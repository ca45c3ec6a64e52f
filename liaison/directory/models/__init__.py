from .department import Department
from .enterprise import Enterprise
from .password import PasswordHistory
from .throttle import ThrottleEvent
from .token import ApiToken, TokenScope
from .user import RoleMembership, User

__all__ = [
    "ApiToken",
    "Department",
    "Enterprise",
    "PasswordHistory",
    "RoleMembership",
    "ThrottleEvent",
    "TokenScope",
    "User",
]
