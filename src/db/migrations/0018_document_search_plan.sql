-- How common the words of a query are among the provisions, from the statistics ANALYZE keeps of
-- the tsvector column (its most common lexemes and their shares; a word not listed is rarer than
-- every listed one, counted 0 here, and so is every word before the first ANALYZE). The search
-- picks its plan with it: a GIN scan is fast when one word is rare and slow when every word is in
-- a large share of the texts (its posting lists are read and intersected whole). pg_stats hides tables under row-level security from tochuc_app,
-- so this reads it as the owner; it tells only how common words are, nothing about any row.
CREATE FUNCTION doc_word_shares(query text) RETURNS TABLE (lexeme text, share real)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT w.lexeme, coalesce(s.share, 0)::real
  FROM unnest(tsvector_to_array(to_tsvector('vn_unaccent', query))) AS w (lexeme)
  LEFT JOIN (
    SELECT u.lexeme, u.share FROM pg_stats st,
      unnest(st.most_common_elems::text::text[], st.most_common_elem_freqs) AS u (lexeme, share)
    WHERE st.schemaname = 'public' AND st.tablename = 'document_provision' AND st.attname = 'search'
  ) s ON s.lexeme = w.lexeme
$$;

-- Every word of a document's provisions, without positions: the search of common words walks the
-- newest documents and tests this one value per document (or scans its GIN index) instead of
-- probing every provision. Kept by the triggers below, in the statement that writes provisions.
ALTER TABLE document ADD COLUMN words tsvector NOT NULL DEFAULT ''::tsvector;
CREATE AGGREGATE tsvector_union(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');

CREATE FUNCTION document_words_refresh() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  UPDATE document d SET words = coalesce((SELECT tsvector_union(strip(p.search))
    FROM document_provision p WHERE p.document_id = d.id), '')
  WHERE d.id IN (SELECT document_id FROM changed);
  RETURN NULL;
END
$$;
CREATE TRIGGER document_words_insert AFTER INSERT ON document_provision
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_words_refresh();
CREATE TRIGGER document_words_update AFTER UPDATE ON document_provision
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_words_refresh();
CREATE TRIGGER document_words_delete AFTER DELETE ON document_provision
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_words_refresh();

UPDATE document d SET words = coalesce((SELECT tsvector_union(strip(p.search))
  FROM document_provision p WHERE p.document_id = d.id), '');
CREATE INDEX document_words ON document USING gin (words);
