from liaison.consultations.models.consultation import (
    FINAL_STATES,
    HELD_CHANNELS,
    PENDING_STATES,
    Channel,
    Consultation,
    ConsultationEvent,
    ConsultationEventKind,
    ConsultationSettings,
    ConsultationState,
    Forwarding,
    ReadReceipt,
)
from liaison.consultations.models.reply import FollowUp, OpinionReply, ReplyMaterial

__all__ = [
    "FINAL_STATES",
    "HELD_CHANNELS",
    "PENDING_STATES",
    "Channel",
    "Consultation",
    "ConsultationEvent",
    "ConsultationEventKind",
    "ConsultationSettings",
    "ConsultationState",
    "FollowUp",
    "Forwarding",
    "OpinionReply",
    "ReadReceipt",
    "ReplyMaterial",
]
