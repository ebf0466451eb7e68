"""Every published event, by producing service: the source of the AsyncAPI documents."""
from __future__ import annotations

from .certificate import CertificateIssuedV1, CertificateRevokedV1
from .envelope import EventData
from .identity import ParticipantRegisteredV1, ParticipantUpdatedV1, ServiceStandardsPublishedV1
from .lodging import CheckedInV1, CheckedOutV1, RoomAssignedV1, RoomReleasedV1, RoomWaitlistedV1
from .survey import SurveyInvitationCreatedV1, SurveySubmittedV1
from .training import (
                       AttendanceConfirmedV1,
                       EnrollmentCancelledV1,
                       EnrollmentRejectedV1,
                       EnrollmentSubmittedV1,
                       EnrollmentVerifiedV1,
                       NarasumberApprovedV1,
                       NarasumberAssignedV1,
                       NarasumberRegisteredV1,
                       NarasumberRejectedV1,
                       TrainingCompletedV1,
)
from .ukm import BusinessRegisteredV1, BusinessUpdatedV1, ProductShowcasedV1, ProductWithdrawnV1

EVENTS: dict[str, list[type[EventData]]] = {
    "identity": [ParticipantRegisteredV1, ParticipantUpdatedV1, ServiceStandardsPublishedV1],
    "ukm": [BusinessRegisteredV1, BusinessUpdatedV1, ProductShowcasedV1, ProductWithdrawnV1],
    "training": [EnrollmentSubmittedV1, EnrollmentVerifiedV1, EnrollmentRejectedV1, EnrollmentCancelledV1,
                 AttendanceConfirmedV1, TrainingCompletedV1, NarasumberRegisteredV1, NarasumberApprovedV1,
                 NarasumberRejectedV1, NarasumberAssignedV1],
    "lodging": [RoomAssignedV1, RoomWaitlistedV1, RoomReleasedV1, CheckedInV1, CheckedOutV1],
    "certificate": [CertificateIssuedV1, CertificateRevokedV1],
    "survey": [SurveyInvitationCreatedV1, SurveySubmittedV1],
}
