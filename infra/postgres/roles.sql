-- CMP database, roles and schemas: one LOGIN role and one schema per service, and nothing
-- shared. Idempotent: every run converges the cluster to this state (passwords included).
--
-- Run with psql connected to any database of the cluster as a superuser (apply.sh does this):
--   psql -X -v ON_ERROR_STOP=1 -v db=cmp [-v pw_enrolment=...] -f roles.sql
-- psql variables (all optional):
--   db           target database, created if missing (default cmp)
--   pw_<service> password of cmp_<service> (default: the role name, e.g. cmp_enrolment)
-- The service list is fixed below and in the DO block; add a service in both places.

\set ON_ERROR_STOP on
\if :{?db} \else \set db cmp \endif
\if :{?pw_enrolment} \else \set pw_enrolment cmp_enrolment \endif
\if :{?pw_matching} \else \set pw_matching cmp_matching \endif
\if :{?pw_scheduling} \else \set pw_scheduling cmp_scheduling \endif
\if :{?pw_notifications} \else \set pw_notifications cmp_notifications \endif
\if :{?pw_evaluation} \else \set pw_evaluation cmp_evaluation \endif
\if :{?pw_gateway} \else \set pw_gateway cmp_gateway \endif

-- CREATE DATABASE cannot run inside a transaction block: \gexec runs it on its own, and only
-- when the database is missing.
SELECT format('CREATE DATABASE %I', :'db')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec

-- Same host, port and user as the current connection; only the database changes.
\connect -reuse-previous=on :"db"

BEGIN;

-- Passwords reach the DO block as transaction-local settings, so psql quotes them (:'var')
-- and they never appear in the statement text of the block.
SELECT set_config('cmp.pw_enrolment', :'pw_enrolment', true),
       set_config('cmp.pw_matching', :'pw_matching', true),
       set_config('cmp.pw_scheduling', :'pw_scheduling', true),
       set_config('cmp.pw_notifications', :'pw_notifications', true),
       set_config('cmp.pw_evaluation', :'pw_evaluation', true),
       set_config('cmp.pw_gateway', :'pw_gateway', true) \g /dev/null

DO $roles$
DECLARE
  services CONSTANT text[] := ARRAY['enrolment', 'matching', 'scheduling', 'notifications', 'evaluation', 'gateway'];
  db CONSTANT text := current_database();
  s text;
  other text;
  r text;
BEGIN
  -- Roles belong to the whole cluster, so two runs against different databases (cmp and
  -- cmp_test) would race on them; a lock on the shared catalogue serialises them. Only a
  -- superuser may take it; others (managed Postgres) fall back to the per-database lock.
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    LOCK TABLE pg_catalog.pg_authid IN SHARE ROW EXCLUSIVE MODE;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('cmp.infra.postgres.roles'));

  FOREACH s IN ARRAY services LOOP
    r := 'cmp_' || s;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
      EXECUTE format('CREATE ROLE %I LOGIN', r);
    END IF;
    -- A service role is an ordinary login: no way to create databases, roles or bypass RLS.
    EXECUTE format(
      'ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L',
      r, current_setting('cmp.pw_' || s));

    IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = s) THEN
      EXECUTE format('CREATE SCHEMA %I AUTHORIZATION %I', s, r);
    END IF;
    EXECUTE format('ALTER SCHEMA %I OWNER TO %I', s, r);
    EXECUTE format('REVOKE ALL ON SCHEMA %I FROM PUBLIC', s);
    EXECUTE format('ALTER ROLE %I IN DATABASE %I SET search_path = %I', r, db, s);
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', db, r);
  END LOOP;

  -- Undo any grant that lets one service into another's schema (e.g. made by hand).
  FOREACH s IN ARRAY services LOOP
    FOREACH other IN ARRAY services LOOP
      IF other <> s THEN
        EXECUTE format('REVOKE ALL ON SCHEMA %I FROM %I', s, 'cmp_' || other);
      END IF;
    END LOOP;
  END LOOP;

  -- Nobody but the listed roles (and superusers) may connect, nor create schemas; nothing is
  -- shared through public.
  EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', db);
  REVOKE ALL ON SCHEMA public FROM PUBLIC;
END
$roles$;

COMMIT;
