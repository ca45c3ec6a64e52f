from .department import Department
from .enterprise import Enterprise
from .password import PasswordHistory
from .recovery import RecoveryCode, RecoveryCodeDevice
from .throttle import ThrottleEvent
from .token import ApiToken, TokenScope
from .user import RoleMembership, User

__all__ = [
    "ApiToken",
    "Department",
    "Enterprise",
    "PasswordHistory",
    "RecoveryCode",
    "RecoveryCodeDevice",
    "RoleMembership",
    "ThrottleEvent",
    "TokenScope",
    "User",
]
