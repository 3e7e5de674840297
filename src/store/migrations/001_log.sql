-- The log: the record. Rows are only ever inserted; every other table is a projection of these rows.
CREATE TABLE entries (
  idx bigint PRIMARY KEY CHECK (idx >= 0),
  id text COLLATE "C" NOT NULL UNIQUE, -- hex: byte order is enough, and cheaper than a locale's
  leaf_hash bytea NOT NULL,
  bytes bytea NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 65535),
  type text NOT NULL,
  "by" text NOT NULL,
  at timestamptz NOT NULL,
  -- "at" exactly as signed (RFC 3339 may carry nanoseconds; timestamptz keeps microseconds).
  at_text text NOT NULL,
  -- The database is the last guard: an entry's id and leaf hash are RFC 9162's, computed from its own bytes.
  CONSTRAINT entries_leaf_hash CHECK (leaf_hash = sha256('\x00'::bytea || bytes)),
  CONSTRAINT entries_id CHECK (id = encode(leaf_hash, 'hex'))
);

-- At most one checkpoint per size, ever: the log never signs two different trees of the same size.
CREATE TABLE checkpoints (
  size bigint PRIMARY KEY CHECK (size >= 0),
  root bytea NOT NULL CHECK (octet_length(root) = 32),
  note text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE cosignatures (
  size bigint NOT NULL REFERENCES checkpoints (size),
  key_id text NOT NULL,
  witness text NOT NULL,
  line text NOT NULL,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (size, key_id)
);

CREATE TABLE meta (
  key text PRIMARY KEY,
  value text NOT NULL
);
