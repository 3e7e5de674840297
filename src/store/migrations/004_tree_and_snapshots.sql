-- What lets a restart read instead of replay. Both are written in the same transaction as the entries they cover.

-- The log's Merkle tree above the leaves, as C2SP tiles store it: the hash of every complete subtree of 256^k leaves
-- (level 8k, k >= 1). Level 0 is entries.leaf_hash; the levels between are hashed from these on demand. Startup
-- recomputes the rows it has not checked before from the leaves (services/startup-check.ts).
CREATE TABLE tree_nodes (
  level int NOT NULL CHECK (level >= 8 AND level % 8 = 0),
  idx bigint NOT NULL CHECK (idx >= 0),
  hash bytea NOT NULL CHECK (octet_length(hash) = 32),
  PRIMARY KEY (level, idx)
);

-- The domain state the log made up to `size`, serialized. Only the latest is kept. `version` names the code that
-- wrote it: a snapshot whose version differs from the running code's is ignored and the log is replayed.
CREATE TABLE state_snapshots (
  size bigint PRIMARY KEY CHECK (size >= 0),
  version text NOT NULL,
  state text NOT NULL,
  created_at timestamptz NOT NULL
);
