"""Events of the end of a service, for the apps above (the evaluation of the service listens here)."""

from django.dispatch import Signal

# Sent inside the transaction that ends the service; kwargs: service, state ("completed" / "terminated"), actor.
service_ended = Signal()
