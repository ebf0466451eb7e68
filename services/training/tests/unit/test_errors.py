"""training's error names are the platform's."""
from balai_platform import errors
from training.service import errors as training_errors


def test_training_errors_are_the_platform_hierarchy():
    assert training_errors.TrainingError is errors.ServiceError
    assert issubclass(training_errors.NotFound, training_errors.TrainingError)
    synced = training_errors.NotYetSynced()
    assert isinstance(synced, errors.Conflict) and synced.status == 409 and "diproses" in synced.detail
