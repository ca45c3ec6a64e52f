"""The closure's forms: the handover list, the completion form and the termination form (Word and PDF)."""
