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
    ActionReminder,
    Meeting,
    MeetingAction,
    MeetingActionState,
    MeetingSerial,
    MeetingState,
    MeetingTopic,
)
from .settings import CoordinationSettings, DifficultyReminder

__all__ = [
    "ENDED_STATES",
    "OPEN_STATES",
    "ActionReminder",
    "CoordinationSettings",
    "Difficulty",
    "DifficultyReminder",
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
