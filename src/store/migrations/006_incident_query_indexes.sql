-- Incident queries at a million rows (issue 14; the plans are in docs/QUERY-PLANS.md). Every page is ordered by
-- (start_date, log_index) descending and cut at 50-500 rows, so the indexes are the ones that give rows in that
-- order, or that bound what must be read before sorting:
-- * a type filter walks the incidents of that type newest first;
-- * the longest incident bounds how far back a time window's walk must go (incident-query.ts asks it of this index);
-- * the per-column lat/lon indexes went unused by those plans, and only added work at each write; a GiST index over
--   (point, date range) was tried and dropped: the planner cannot estimate a box (it assumes 0.1 % of the rows), so it
--   chose it even for a busy district, and reading 30,000-120,000 entries from it took 70-320 ms.
DROP INDEX incidents_lat;
DROP INDEX incidents_lon;
-- The end date and the position ride along in the order indexes: a walk checks the window and the map box on the
-- index entry and visits the table only for incidents inside both.
DROP INDEX incidents_order;
CREATE INDEX incidents_order ON incidents (start_date DESC, log_index DESC, end_date, lat, lon);
CREATE INDEX incidents_type_order ON incidents (event_type, start_date DESC, log_index DESC, end_date, lat, lon);
CREATE INDEX incidents_span ON incidents ((end_date - start_date));

-- Name-like searches ("Stonebrige" for Stonebridge) matched each row's whole text by trigram similarity: at a
-- million rows that is a trigram index of 256 MB and a similarity computed over hundreds of texts per page (0.3 ms
-- each). Instead, as the pg_trgm manual suggests for spelling variants, the distinct words of the full-text index
-- are kept in a table of their own (thousands of rows, not millions), a name-like query first finds the words
-- similar to it there, and the incidents are then found through the full-text index. Words are added by the
-- statement that writes the incidents (a statement-level trigger), never removed: a word no incident uses any more
-- only costs an alternative that matches nothing.
DROP INDEX incidents_text_trgm;
CREATE TABLE incident_words (word text PRIMARY KEY);
CREATE INDEX incident_words_trgm ON incident_words USING gin (word gin_trgm_ops);
INSERT INTO incident_words (word) SELECT DISTINCT unnest(tsvector_to_array(tsv)) FROM incidents;
CREATE FUNCTION incident_words_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO incident_words (word) SELECT DISTINCT unnest(tsvector_to_array(tsv)) FROM written ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;
CREATE TRIGGER incident_words_on_insert AFTER INSERT ON incidents REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION incident_words_add();
CREATE TRIGGER incident_words_on_update AFTER UPDATE ON incidents REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION incident_words_add();
