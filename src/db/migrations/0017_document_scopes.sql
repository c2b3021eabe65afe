-- The document register confined to the grants, like the registry (0011). A document belongs to
-- its issuing body: a reader sees the documents of the bodies in the subtrees granted and of the
-- bodies above them (a superior's documents apply downward), and those of named bodies without a
-- unit (the Central's commissions and offices); a writer records, amends and relates the
-- documents of the bodies in the subtrees granted. Questions follow their sender unit, tasks
-- their assignee unit or their document's issuer. Scopes 'docs' (documents.read) and
-- 'docs_write' (documents.write) are set per transaction by src/db/transaction.ts.

-- The issuers a reader sees: named bodies, bodies in the granted subtrees, and the ancestors of
-- the granted units (a path is the ids from the root down).
CREATE FUNCTION tochuc_doc_issuers() RETURNS SETOF integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT i.id FROM doc_issuer i
  WHERE i.unit_id IS NULL
    OR i.unit_id IN (SELECT tochuc_scope_units('docs'))
    OR i.unit_id IN (SELECT label::int FROM unnest(tochuc_scope_paths('docs')) AS p (path),
      unnest(string_to_array(p.path::text, '.')) AS label)
$$;

-- A writer's documents: the issuer is a unit in a subtree granted for writing; named bodies are
-- recorded by whole-registry writers only.
CREATE FUNCTION tochuc_doc_issuer_writable(issuer integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT tochuc_scope_all('docs_write') OR EXISTS (SELECT 1 FROM doc_issuer i
    JOIN org_unit_version v ON v.unit_id = i.unit_id
    WHERE i.id = issuer AND v.valid_from <= tochuc_today() AND (v.valid_to IS NULL OR v.valid_to > tochuc_today())
      AND v.path <@ ANY (tochuc_scope_paths('docs_write')))
$$;

CREATE FUNCTION tochuc_document_writable(doc bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT tochuc_scope_all('docs_write') OR EXISTS (SELECT 1 FROM document d
    WHERE d.id = doc AND tochuc_doc_issuer_writable(d.issuer_id))
$$;

CREATE FUNCTION tochuc_doc_unit_writable(unit integer) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT tochuc_scope_all('docs_write') OR EXISTS (SELECT 1 FROM org_unit_version v
    WHERE v.unit_id = unit AND v.valid_from <= tochuc_today() AND (v.valid_to IS NULL OR v.valid_to > tochuc_today())
      AND v.path <@ ANY (tochuc_scope_paths('docs_write')))
$$;

DO $$
DECLARE
  all_docs text := '(SELECT tochuc_scope_all(''docs''))';
  t text;
BEGIN
  CREATE FUNCTION pg_temp.write_policies(tbl text, pred text) RETURNS void LANGUAGE plpgsql AS $f$
  BEGIN
    EXECUTE format('CREATE POLICY scope_insert ON %I FOR INSERT TO tochuc_app WITH CHECK (%s)', tbl, pred);
    EXECUTE format('CREATE POLICY scope_update ON %I FOR UPDATE TO tochuc_app USING (%2$s) WITH CHECK (%2$s)', tbl, pred);
    EXECUTE format('CREATE POLICY scope_delete ON %I FOR DELETE TO tochuc_app USING (%s)', tbl, pred);
  END
  $f$;

  ALTER TABLE document ENABLE ROW LEVEL SECURITY;
  EXECUTE format('CREATE POLICY scope_read ON document FOR SELECT TO tochuc_app USING (%s OR issuer_id IN (SELECT tochuc_doc_issuers()))', all_docs);
  PERFORM pg_temp.write_policies('document', 'tochuc_doc_issuer_writable(issuer_id)');

  -- a provision is read per candidate in a search: one index probe of its document
  ALTER TABLE document_provision ENABLE ROW LEVEL SECURITY;
  EXECUTE format('CREATE POLICY scope_read ON document_provision FOR SELECT TO tochuc_app USING (%s OR EXISTS (SELECT 1 FROM document d WHERE d.id = document_id))', all_docs);
  PERFORM pg_temp.write_policies('document_provision', 'tochuc_document_writable(document_id)');

  -- a relation shows only when both of its documents do
  ALTER TABLE document_relation ENABLE ROW LEVEL SECURITY;
  EXECUTE format('CREATE POLICY scope_read ON document_relation FOR SELECT TO tochuc_app USING (%s OR (EXISTS (SELECT 1 FROM document d WHERE d.id = from_id) AND EXISTS (SELECT 1 FROM document d WHERE d.id = to_id)))', all_docs);
  PERFORM pg_temp.write_policies('document_relation', 'tochuc_document_writable(from_id)');

  -- a question is the sender's and its superiors'; one from a named sender, its recorder's
  ALTER TABLE doc_question ENABLE ROW LEVEL SECURITY;
  EXECUTE format('CREATE POLICY scope_read ON doc_question FOR SELECT TO tochuc_app USING (%s OR sender_unit_id IN (SELECT tochuc_scope_units(''docs'')) OR created_by = current_setting(''tochuc.actor'', true))', all_docs);
  PERFORM pg_temp.write_policies('doc_question',
    'tochuc_scope_all(''docs_write'') OR tochuc_doc_unit_writable(sender_unit_id) OR (sender_unit_id IS NULL AND created_by = current_setting(''tochuc.actor'', true))');

  ALTER TABLE doc_question_target ENABLE ROW LEVEL SECURITY;
  EXECUTE format('CREATE POLICY scope_read ON doc_question_target FOR SELECT TO tochuc_app USING (%s OR (EXISTS (SELECT 1 FROM doc_question q WHERE q.id = question_id) AND EXISTS (SELECT 1 FROM document d WHERE d.id = document_id)))', all_docs);
  PERFORM pg_temp.write_policies('doc_question_target',
    'EXISTS (SELECT 1 FROM doc_question q WHERE q.id = question_id)');

  -- a task is the assignee's and its superiors', and its document issuer's
  ALTER TABLE doc_task ENABLE ROW LEVEL SECURITY;
  EXECUTE format('CREATE POLICY scope_read ON doc_task FOR SELECT TO tochuc_app USING (%s OR unit_id IN (SELECT tochuc_scope_units(''docs'')) OR EXISTS (SELECT 1 FROM document d JOIN doc_issuer i ON i.id = d.issuer_id WHERE d.id = document_id AND i.unit_id IN (SELECT tochuc_scope_units(''docs''))))', all_docs);
  CREATE POLICY scope_insert ON doc_task FOR INSERT TO tochuc_app WITH CHECK (tochuc_document_writable(document_id));
  -- the assignee reports progress; the issuer may correct
  CREATE POLICY scope_update ON doc_task FOR UPDATE TO tochuc_app
    USING (tochuc_document_writable(document_id) OR tochuc_doc_unit_writable(unit_id))
    WITH CHECK (tochuc_document_writable(document_id) OR tochuc_doc_unit_writable(unit_id));
  CREATE POLICY scope_delete ON doc_task FOR DELETE TO tochuc_app USING (tochuc_document_writable(document_id));
END
$$;
DROP FUNCTION pg_temp.write_policies(text, text);
