-- Projections of the log (rebuilt by replay) and the news candidates (outside the log until promoted).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Deliberately no CHECKs beyond NOT NULL here: a projection row must never be the reason a valid statement is refused.
CREATE TABLE incidents (
  id text PRIMARY KEY,
  start_date date NOT NULL,
  end_date date NOT NULL,
  lat double precision,
  lon double precision,
  event_type text NOT NULL,
  parties text[] NOT NULL DEFAULT '{}',
  status text NOT NULL,
  text text NOT NULL DEFAULT '',
  -- 'english': stemming lets "killed" find "killing" and "strikes" find "strike"; names are stemmed the same way on
  -- both sides, and their spelling variants are left to pg_trgm (see incident-query.ts).
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
  view jsonb NOT NULL,
  log_index bigint NOT NULL UNIQUE
);
CREATE INDEX incidents_order ON incidents (start_date DESC, log_index DESC);
CREATE INDEX incidents_end_date ON incidents (end_date);
CREATE INDEX incidents_lat ON incidents (lat);
CREATE INDEX incidents_lon ON incidents (lon);
CREATE INDEX incidents_event_type ON incidents (event_type);
CREATE INDEX incidents_status ON incidents (status);
CREATE INDEX incidents_parties ON incidents USING gin (parties);
CREATE INDEX incidents_tsv ON incidents USING gin (tsv);
CREATE INDEX incidents_text_trgm ON incidents USING gin (text gin_trgm_ops);

CREATE TABLE candidates (
  id text PRIMARY KEY,
  batch text NOT NULL,
  created_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'promoted', 'dismissed')),
  promoted_report text,
  candidate jsonb NOT NULL
);
CREATE INDEX candidates_order ON candidates (created_at DESC, id DESC);
CREATE INDEX candidates_status_order ON candidates (status, created_at DESC, id DESC);
