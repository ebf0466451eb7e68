from balai_platform.migrate import migrations_env
from training.adapters import tables_class  # noqa: F401 - registers the class tables on metadata
from training.adapters.tables import metadata

migrations_env(metadata)
