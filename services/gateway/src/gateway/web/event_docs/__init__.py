"""`/dokumentasi/events`: every published event, from the contracts, as one readable page."""
