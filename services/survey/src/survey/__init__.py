"""The survey service: SKM (PermenPAN-RB 14/2017) questionnaires, invitations, responses, recap, reports."""
