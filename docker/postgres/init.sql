-- One PostgreSQL, two databases. mfa-service runs migrations as mfa_owner and serves as mfa_app,
-- which cannot alter tables or disable the append-only triggers that protect the audit log (LOG-5).
\set ON_ERROR_STOP on
CREATE ROLE keycloak LOGIN PASSWORD :'kc_password';
CREATE DATABASE keycloak OWNER keycloak;

CREATE ROLE mfa_owner LOGIN PASSWORD :'mfa_owner_password';
CREATE ROLE mfa_app LOGIN PASSWORD :'mfa_app_password';
CREATE DATABASE mfa OWNER mfa_owner;
\connect mfa
ALTER DEFAULT PRIVILEGES FOR ROLE mfa_owner IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE ON TABLES TO mfa_app;
GRANT USAGE ON SCHEMA public TO mfa_app;
