from .department import Department
from .enterprise import Enterprise
from .throttle import ThrottleEvent
from .token import ApiToken
from .user import RoleMembership, User

__all__ = ["ApiToken", "Department", "Enterprise", "RoleMembership", "ThrottleEvent", "User"]
