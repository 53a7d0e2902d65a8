#!/bin/sh
# Runs once, when the data volume is empty; passes the secrets from the environment to init.sql.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v kc_password="$KC_DB_PASSWORD" \
  -v mfa_owner_password="$MFA_DB_OWNER_PASSWORD" \
  -v mfa_app_password="$MFA_DB_APP_PASSWORD" \
  -f /docker-entrypoint-initdb.d/init.sql.in
