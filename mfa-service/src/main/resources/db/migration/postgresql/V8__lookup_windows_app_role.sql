-- Where migrations run as an owner role and the service as a narrower one (docker/postgres/init.sql
-- grants it SELECT, INSERT and UPDATE on the owner's tables), the service also needs DELETE on the
-- two lookup-window tables, to prune them, and nowhere else. YTE_DB_APP_ROLE names that role.
DO $$
BEGIN
    IF '${appRole}' <> '' THEN
        EXECUTE format('GRANT DELETE ON lookup_admission, lookup_citizen TO %I', '${appRole}');
    END IF;
END
$$;
