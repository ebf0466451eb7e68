from balai_platform.migrate import migrations_env
from survey.adapters.tables import metadata

migrations_env(metadata)
