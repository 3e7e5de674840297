-- A page of incidents reads one heap page a row and, before this migration, each row's view out of line too (issue 14;
-- docs/QUERY-PLANS.md, point 7). A view is 2-3 KB of jsonb, so PostgreSQL's toaster (which acts on rows over ~2 KB)
-- moved it to the TOAST table: at 100,000 generated incidents 144 MB of TOAST beside a 104 MB heap, and each row
-- fetched cost a descent of the TOAST index and a TOAST page besides its heap page (on PGlite at a million incidents,
-- 46 of the 97 pages a month + district + type page read when not in the cache).
-- MAIN keeps a value compressed in the row, moved out of line only if the row still does not fit a page (8 KB): the
-- view compresses to about half, so a row is one heap page's read. Every column that can be toasted is MAIN, not only
-- the view: the toaster moves the other columns (anything over 24 bytes: the id, the parties, the text, its tsvector,
-- the word signature) out of line before it compresses a MAIN one, so with the view alone MAIN an id lookup or the
-- full-text condition would read the TOAST table instead. lz4 would decompress faster, but PGlite is built without it.
ALTER TABLE incidents
  ALTER COLUMN view SET STORAGE MAIN,
  ALTER COLUMN text SET STORAGE MAIN,
  ALTER COLUMN tsv SET STORAGE MAIN,
  ALTER COLUMN word_signature SET STORAGE MAIN,
  ALTER COLUMN id SET STORAGE MAIN,
  ALTER COLUMN parties SET STORAGE MAIN,
  ALTER COLUMN event_type SET STORAGE MAIN,
  ALTER COLUMN status SET STORAGE MAIN;
-- The storage applies to rows written from now on; rewriting the table brings the rows already there in line (and
-- empties the TOAST table). CLUSTER is the rewrite allowed inside the migrations' transaction (VACUUM FULL is not);
-- by log_index, the order the rows already have (a log's projection is written in log order), and the table is not
-- left marked as clustered.
CLUSTER incidents USING incidents_log_index_key;
ALTER TABLE incidents SET WITHOUT CLUSTER;
