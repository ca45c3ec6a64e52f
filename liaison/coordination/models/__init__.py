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

__all__ = [
    "ENDED_STATES",
    "OPEN_STATES",
    "Difficulty",
    "DifficultySerial",
    "DifficultyState",
    "DifficultyStep",
    "MajorIssueCategory",
    "Meeting",
    "MeetingState",
    "MeetingTopic",
]
