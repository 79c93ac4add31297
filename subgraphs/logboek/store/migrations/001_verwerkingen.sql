-- The logboek: processing operations on personal data, one row per data subject per request, shaped
-- like the Logboek Dataverwerkingen (LDV, https://github.com/Logius-standaarden/logboek-dataverwerkingen,
-- "Component: Logboek"): the LDV fields as columns under their LDV names, `resource` and `attributes`
-- as JSON objects with the LDV keys (`dpl.core.*`) plus our own (`een_loket.*`).
--
-- Append-only, enforced here and not only in the service:
-- - triggers refuse UPDATE, DELETE (per statement, so even a statement touching no row) and TRUNCATE,
--   for every user including the table owner;
-- - the service runs its queries as een_loket_logboek_schrijver (NOLOGIN), which may only INSERT and
--   SELECT. This migration runs as the connecting user, who owns the table.

CREATE TABLE verwerkingen (
  -- Order of writing; the cursor of `verwerkingen`.
  volgnummer bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  trace_id text NOT NULL CHECK (trace_id ~ '^[0-9a-f]{32}$' AND trace_id <> repeat('0', 32)),
  span_id text NOT NULL CHECK (span_id ~ '^[0-9a-f]{16}$' AND span_id <> repeat('0', 16)),
  parent_span_id text CHECK (parent_span_id ~ '^[0-9a-f]{16}$' AND parent_span_id <> repeat('0', 16)),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  start_time timestamptz NOT NULL,
  end_time timestamptz NOT NULL CHECK (end_time >= start_time),
  status_code text NOT NULL CHECK (status_code IN ('STATUS_CODE_UNSET', 'STATUS_CODE_OK', 'STATUS_CODE_ERROR')),
  -- {"trace_id": …, "span_id": …, "entity": URI} of the other organisation's operation, or null.
  foreign_operation jsonb CHECK (
    foreign_operation IS NULL
    OR (jsonb_typeof(foreign_operation) = 'object' AND foreign_operation ?& ARRAY['trace_id', 'span_id', 'entity'])
  ),
  -- The LDV resource's attributes, e.g. {"service.name": "een-loket/uwv"}.
  resource jsonb NOT NULL CHECK (jsonb_typeof(resource) = 'object' AND resource ? 'service.name'),
  -- dpl.core.processing_activity_id, dpl.core.data_subject_id, dpl.core.data_subject_id_type,
  -- een_loket.doelbinding, een_loket.actor.sub, een_loket.actor.rol, een_loket.actor.organisatie,
  -- een_loket.velden (a JSON array of field coordinates).
  attributes jsonb NOT NULL CHECK (
    jsonb_typeof(attributes) = 'object'
    AND attributes ?& ARRAY['dpl.core.processing_activity_id', 'dpl.core.data_subject_id', 'dpl.core.data_subject_id_type',
                            'een_loket.doelbinding', 'een_loket.actor.sub', 'een_loket.actor.rol', 'een_loket.velden']
  ),
  -- When the logboek wrote the row (not an LDV field).
  vastgelegd_op timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX verwerkingen_betrokkene ON verwerkingen ((attributes ->> 'dpl.core.data_subject_id'), volgnummer);
CREATE INDEX verwerkingen_actor ON verwerkingen ((attributes ->> 'een_loket.actor.sub'), volgnummer);
CREATE INDEX verwerkingen_organisatie ON verwerkingen ((attributes ->> 'een_loket.actor.organisatie'), volgnummer);
CREATE INDEX verwerkingen_trace ON verwerkingen (trace_id, volgnummer);
CREATE INDEX verwerkingen_start_time ON verwerkingen (start_time);

CREATE FUNCTION verwerkingen_alleen_toevoegen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'logboek is append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER verwerkingen_geen_wijziging
  BEFORE UPDATE OR DELETE ON verwerkingen
  FOR EACH STATEMENT EXECUTE FUNCTION verwerkingen_alleen_toevoegen();

CREATE TRIGGER verwerkingen_geen_truncate
  BEFORE TRUNCATE ON verwerkingen
  FOR EACH STATEMENT EXECUTE FUNCTION verwerkingen_alleen_toevoegen();

-- Roles belong to the cluster, not to a schema: create the service role once (tests create many
-- schemas, possibly at the same time, hence the exception handler), then grant it this schema's table.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'een_loket_logboek_schrijver') THEN
    CREATE ROLE een_loket_logboek_schrijver NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;

DO $$
BEGIN
  -- The connecting (owner) user must be able to SET ROLE to it (a superuser always can).
  IF NOT pg_has_role(current_user, 'een_loket_logboek_schrijver', 'MEMBER') THEN
    EXECUTE format('GRANT een_loket_logboek_schrijver TO %I', current_user);
  END IF;
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO een_loket_logboek_schrijver', current_schema());
END
$$;

REVOKE ALL ON verwerkingen FROM PUBLIC;
GRANT SELECT, INSERT ON verwerkingen TO een_loket_logboek_schrijver;
GRANT USAGE ON SEQUENCE verwerkingen_volgnummer_seq TO een_loket_logboek_schrijver;
