from .difficulty import (
    ENDED_STATES,
    OPEN_STATES,
    Difficulty,
    DifficultySerial,
    DifficultyState,
    DifficultyStep,
    MajorIssueCategory,
)
from .meeting import Meeting, MeetingState, MeetingTopic
from .settings import CoordinationSettings, DifficultyReminder

__all__ = [
    "ENDED_STATES",
    "OPEN_STATES",
    "CoordinationSettings",
    "Difficulty",
    "DifficultyReminder",
    "DifficultySerial",
    "DifficultyState",
    "DifficultyStep",
    "MajorIssueCategory",
    "Meeting",
    "MeetingState",
    "MeetingTopic",
]
