"""Wire contracts of every Balai event: the envelope and one module per producer."""
from .envelope import Envelope, EventData

__all__ = ["Envelope", "EventData"]
