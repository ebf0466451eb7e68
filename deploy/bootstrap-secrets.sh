#!/usr/bin/env bash
# Creates, once per environment, the secrets and key material that deploy/ refers to but
# never contains. Safe to re-run: an object that exists is left alone (rotation is a
# separate, deliberate procedure: docs/operations.md).
#
#   IDENTITY_DATABASE_URL='postgresql+asyncpg://identity:PASSWORD@HOST:5432/identity' \
#   UKM_DATABASE_URL='postgresql+asyncpg://ukm:PASSWORD@HOST:5432/ukm' \
#   TRAINING_DATABASE_URL='postgresql+asyncpg://training:PASSWORD@HOST:5432/training' \
#   LODGING_DATABASE_URL='postgresql+asyncpg://lodging:PASSWORD@HOST:5432/lodging' \
#   CERTIFICATE_DATABASE_URL='postgresql+asyncpg://certificate:PASSWORD@HOST:5432/certificate' \
#   CERTIFICATE_P12=/path/to/balai-signing.p12 CERTIFICATE_P12_PASSWORD='...' \
#   SURVEY_DATABASE_URL='postgresql+asyncpg://survey:PASSWORD@HOST:5432/survey' \
#     deploy/bootstrap-secrets.sh
#
# A <NAME>_DATABASE_URL is needed only while Secret <name>-secrets does not exist yet: to add
# a service to a running environment, pass just that service's URL.
#
# Needs kubectl (pointed at the cluster) and openssl. Writes nothing to disk except a
# temporary directory that is removed on exit.
set -euo pipefail

ns="${NAMESPACE:-balai}"
# Services whose Secret <name>-secrets holds <NAME>_DATABASE_URL (identity's holds more).
services=(identity ukm training lodging certificate survey)

exists() { kubectl -n "${ns}" get "$1" "$2" > /dev/null 2>&1; }
url_var() { echo "$(tr '[:lower:]' '[:upper:]' <<< "$1")_DATABASE_URL"; }

# Check every missing URL before creating anything.
missing=0
for svc in "${services[@]}"; do
  var="$(url_var "${svc}")"
  if ! exists secret "${svc}-secrets" && [[ -z "${!var:-}" ]]; then
    echo "set ${var} (postgresql+asyncpg://${svc}:PASSWORD@HOST:5432/${svc}): Secret ${svc}-secrets does not exist" >&2
    missing=1
  fi
done
if ! exists secret certificate-secrets && [[ -z "${CERTIFICATE_P12:-}" ]]; then
  echo "set CERTIFICATE_P12 (path of the balai's PKCS#12) and CERTIFICATE_P12_PASSWORD" >&2
  missing=1
fi
(( missing == 0 )) || exit 1

work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
umask 077

kubectl get namespace "${ns}" > /dev/null 2>&1 || kubectl create namespace "${ns}"

# Ed25519 signing key of identity; the public half is shared by every service.
if exists secret identity-secrets && exists configmap balai-jwt-public; then
  echo "identity-secrets and balai-jwt-public exist: left as they are"
elif exists secret identity-secrets || exists configmap balai-jwt-public; then
  echo "only one of identity-secrets / balai-jwt-public exists: fix by hand (key pair must match)" >&2
  exit 1
else
  openssl genpkey -algorithm ed25519 -out "${work}/jwt-private.pem"
  openssl pkey -in "${work}/jwt-private.pem" -pubout -out "${work}/jwt-public.pem"
  # PII_KEYS: key id -> base64 of 32 random bytes (AES-256-GCM); PII_ACTIVE_KEY_ID in
  # deploy/identity/config.env names the key new rows are written with.
  printf '{"k1":"%s"}' "$(openssl rand -base64 32)" > "${work}/pii-keys.json"
  kubectl -n "${ns}" create secret generic identity-secrets \
    --from-literal=IDENTITY_DATABASE_URL="${IDENTITY_DATABASE_URL}" \
    --from-file=IDENTITY_JWT_PRIVATE_KEY="${work}/jwt-private.pem" \
    --from-file=IDENTITY_PII_KEYS="${work}/pii-keys.json" \
    --from-literal=IDENTITY_BLIND_INDEX_KEY="$(openssl rand -base64 32)"
  kubectl -n "${ns}" create configmap balai-jwt-public \
    --from-file=JWT_PUBLIC_KEY="${work}/jwt-public.pem"
  echo "created identity-secrets and balai-jwt-public"
  echo "NOW copy IDENTITY_PII_KEYS and IDENTITY_BLIND_INDEX_KEY to the offline key store:"
  echo "without them no backup of the identity database can be read (docs/operations.md)."
fi

# certificate: the balai's signing certificate (PKCS#12, e.g. issued by BSrE) for every organisation
# ("default"; per-organisation keys can be added to the JSON later) and a new Open Badges issuer key.
if exists secret certificate-secrets; then
  echo "certificate-secrets exists: left as it is"
else
  openssl genpkey -algorithm ed25519 -out "${work}/badge-private.pem"
  printf '{"default":{"p12_b64":"%s","password":"%s"}}' "$(base64 -w0 < "${CERTIFICATE_P12}")" \
    "${CERTIFICATE_P12_PASSWORD:-}" > "${work}/signing-keys.json"
  kubectl -n "${ns}" create secret generic certificate-secrets \
    --from-literal=CERTIFICATE_DATABASE_URL="${CERTIFICATE_DATABASE_URL}" \
    --from-file=CERTIFICATE_SIGNING_KEYS="${work}/signing-keys.json" \
    --from-file=CERTIFICATE_BADGE_PRIVATE_KEY="${work}/badge-private.pem"
  echo "created certificate-secrets"
fi

# The other services hold only their database credentials.
for svc in "${services[@]}"; do
  [[ "${svc}" == identity || "${svc}" == certificate ]] && continue
  var="$(url_var "${svc}")"
  if exists secret "${svc}-secrets"; then
    echo "${svc}-secrets exists: left as it is"
  else
    extra=()
    # survey also signs its public link's form tokens with a key of its own
    [[ "${svc}" == survey ]] && extra=(--from-literal=SURVEY_FORM_SECRET="$(openssl rand -base64 32)")
    kubectl -n "${ns}" create secret generic "${svc}-secrets" --from-literal="${var}=${!var}" "${extra[@]}"
    echo "created ${svc}-secrets"
  fi
done
