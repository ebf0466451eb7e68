from balai_platform.migrate import migrations_env
from certificate.adapters.tables import metadata

migrations_env(metadata)
