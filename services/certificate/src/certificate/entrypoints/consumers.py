"""Event consumers: TrainingCompleted -> certificate (once); EnrollmentSubmitted and SurveySubmitted ->
local copies (which organisation runs a training; who answered the SKM)."""
from __future__ import annotations

from functools import partial

from faststream.kafka import KafkaBroker

from balai_contracts.survey import SurveySubmittedV1
from balai_contracts.topics import SURVEY_RESPONSE, TRAINING_ENROLLMENT
from balai_contracts.training import EnrollmentSubmittedV1, TrainingCompletedV1
from balai_platform.consumer import IdempotentConsumer, fetch_waits, subscribe
from balai_platform.inbox import Inbox

from ..adapters.tables import inbox
from ..service import issuing, surveys
from ..service.context import CertificateContext


def build_consumer(ctx: CertificateContext, broker: KafkaBroker) -> IdempotentConsumer:
    consumer = IdempotentConsumer(ctx.sessionmaker, Inbox(inbox), ctx.settings.consumer_group,
                                  max_retries=ctx.settings.consumer_max_retries)
    consumer.handle(TrainingCompletedV1, partial(issuing.on_training_completed, ctx))
    consumer.handle(EnrollmentSubmittedV1, surveys.on_enrollment_submitted)
    consumer.handle(SurveySubmittedV1, surveys.on_survey_submitted)
    subscribe(broker, lambda: broker, (TRAINING_ENROLLMENT, SURVEY_RESPONSE), consumer, **fetch_waits(ctx.settings))
    return consumer
