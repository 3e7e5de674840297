-- Full text at a million rows (issue 14; docs/QUERY-PLANS.md). A search page is ordered newest first, but the
-- full-text index gives matches in no order: for words found in thousands of incidents ("civilians Kestrel Hill",
-- 12,000) the database read every match from the table (2-3 KB rows, one page each) to sort them, 0.1-1 s; walking
-- the order index instead read a table row per incident walked past, and the planner, taking the words for
-- independent, could not tell which of the two was cheaper.
-- So each incident also carries a 512-bit signature of its words (a Bloom filter with one bit per word), stored in
-- the order indexes: a search walks the index newest first, keeps the entries whose signature has every bit of the
-- query's words (all true matches, and a few percent of others), and reads from the table only those, where the full
-- text condition decides. hashtext is PostgreSQL's stable text hash (the same in PGlite), and both sides of the test
-- are computed by the same function, so a signature never misses a row that matches.
CREATE FUNCTION incident_word_signature(words tsvector) RETURNS bit(512) LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT coalesce(bit_or(set_bit(repeat('0', 512)::bit(512), hashtext(word) & 511, 1)), repeat('0', 512)::bit(512))
  FROM unnest(tsvector_to_array(words)) AS word
$$;
-- A generated column may not use another (tsv), so the text is analysed again, as tsv's definition does.
ALTER TABLE incidents ADD COLUMN word_signature bit(512) GENERATED ALWAYS AS (incident_word_signature(to_tsvector('english', text))) STORED;
DROP INDEX incidents_order;
CREATE INDEX incidents_order ON incidents (start_date DESC, log_index DESC, end_date, lat, lon) INCLUDE (word_signature);
DROP INDEX incidents_type_order;
CREATE INDEX incidents_type_order ON incidents (event_type, start_date DESC, log_index DESC, end_date, lat, lon) INCLUDE (word_signature);
