from balai_platform.migrate import migrations_env
from lodging.adapters.tables import metadata

migrations_env(metadata)
