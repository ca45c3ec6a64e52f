from .difficulty import (
    ENDED_STATES,
    OPEN_STATES,
    Difficulty,
    DifficultySerial,
    DifficultyState,
    DifficultyStep,
    MajorIssueCategory,
)
from .meeting import (
    Meeting,
    MeetingAction,
    MeetingActionState,
    MeetingSerial,
    MeetingState,
    MeetingTopic,
)
from .settings import CoordinationSettings

__all__ = [
    "ENDED_STATES",
    "OPEN_STATES",
    "CoordinationSettings",
    "Difficulty",
    "DifficultySerial",
    "DifficultyState",
    "DifficultyStep",
    "MajorIssueCategory",
    "Meeting",
    "MeetingAction",
    "MeetingActionState",
    "MeetingSerial",
    "MeetingState",
    "MeetingTopic",
]
