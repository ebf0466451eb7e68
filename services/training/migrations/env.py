from balai_platform.migrate import migrations_env
from training.adapters import (
    tables_class,  # noqa: F401 - registers the class tables on metadata
    tables_narasumber,  # noqa: F401 - registers the narasumber tables on metadata
)
from training.adapters.tables import metadata

migrations_env(metadata)
