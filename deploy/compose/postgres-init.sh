#!/usr/bin/env bash
# Local stack only (docker-compose.yml): one database and one owner role per service,
# so no service can read another's tables. Runs once, when the data volume is empty.
# The password of each role is its name: fine on a laptop, never anywhere else.
# Production databases and roles are created by the DBA (docs/operations.md).
set -eo pipefail

for name in ${BALAI_DATABASES:?set BALAI_DATABASES to a space separated list}; do
  echo "balai: creating role and database ${name}"
  psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER}" --dbname postgres <<-EOSQL
	CREATE ROLE "${name}" LOGIN PASSWORD '${name}';
	CREATE DATABASE "${name}" OWNER "${name}";
	REVOKE ALL ON DATABASE "${name}" FROM PUBLIC;
	EOSQL
done
