-- Append-only, hash-chained audit log: who did or read what, when, from where.
-- The database itself keeps it append-only (triggers refuse UPDATE, DELETE, TRUNCATE) and links
-- each entry to the previous one with SHA-256, so an edited, deleted or reordered entry shows up
-- in `tochuc audit verify` (src/core/audit-chain.ts recomputes the same canonical text).

-- The id is taken inside the chaining trigger, under the chain lock, so id order is chain order
-- (a plain bigserial default would be drawn before the lock and could interleave).
CREATE SEQUENCE audit_log_id_seq AS bigint;

CREATE TABLE audit_log (
  id bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor text NOT NULL,
  ip text,
  action text NOT NULL,
  entity text,
  ids text[] NOT NULL DEFAULT '{}',
  details jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
ALTER SEQUENCE audit_log_id_seq OWNED BY audit_log.id;

CREATE INDEX audit_log_at ON audit_log (at, id);
CREATE INDEX audit_log_actor ON audit_log (actor, id);
CREATE INDEX audit_log_action ON audit_log (action, id);
CREATE INDEX audit_log_entity_ids ON audit_log USING gin (ids);

-- Canonical text of an entry: a JSON array of JSON strings (or null), the same bytes as
-- JSON.stringify in src/core/audit-chain.ts. The time is UTC with microseconds, independent of
-- the session's time zone; details are hashed as their jsonb text.
CREATE FUNCTION audit_canonical(
  p_id bigint, p_at timestamptz, p_actor text, p_ip text, p_action text, p_entity text,
  p_ids text[], p_details jsonb, p_prev_hash text
) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT '[' || concat_ws(',',
    to_json(p_id::text)::text,
    to_json(to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text,
    to_json(p_actor)::text,
    coalesce(to_json(p_ip)::text, 'null'),
    to_json(p_action)::text,
    coalesce(to_json(p_entity)::text, 'null'),
    to_json(p_ids)::text,
    coalesce(to_json(p_details::text)::text, 'null'),
    to_json(p_prev_hash)::text
  ) || ']'
$$;

-- Chains a new entry: one writer at a time (transaction-scoped advisory lock, held to commit),
-- then id, time, actor (and, unless given, client address) of the transaction, previous hash and
-- own hash. SECURITY DEFINER so an
-- unprivileged application role needs only INSERT, not read access to the chain head.
CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(727012);
  NEW.id := nextval('audit_log_id_seq');
  NEW.at := clock_timestamp();
  NEW.actor := coalesce(nullif(current_setting('tochuc.actor', true), ''), 'db:' || session_user);
  NEW.ip := coalesce(NEW.ip, nullif(current_setting('tochuc.ip', true), ''));
  NEW.ids := coalesce(NEW.ids, '{}');
  NEW.prev_hash := coalesce(
    (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1),
    '0000000000000000000000000000000000000000000000000000000000000000'
  );
  NEW.hash := encode(sha256(convert_to(audit_canonical(
    NEW.id, NEW.at, NEW.actor, NEW.ip, NEW.action, NEW.entity, NEW.ids, NEW.details, NEW.prev_hash
  ), 'UTF8')), 'hex');
  RETURN NEW;
END
$$;

CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- The application role (created by the accounts migration, when present) may append and read,
-- never change.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tochuc_app') THEN
    REVOKE ALL ON audit_log FROM tochuc_app;
    GRANT SELECT, INSERT ON audit_log TO tochuc_app;
  END IF;
END
$$;
