from balai_platform.migrate import migrations_env
from ukm.adapters.tables import metadata

migrations_env(metadata)
