from balai_platform.migrate import migrations_env
from identity.adapters.tables import metadata

migrations_env(metadata)
