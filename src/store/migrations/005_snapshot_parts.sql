-- The state snapshot in parts: a state of a million records is hundreds of MB, beyond one JavaScript string and one
-- comfortable row. state_snapshots keeps the header (the state's scalar fields and its layout, as JSON); the parts
-- hold the entries of its Maps, a slice each (services/state-snapshot.ts). Written in the same transaction as the
-- header; an old single-text snapshot is of another format version and is ignored (the log is replayed once).
CREATE TABLE state_snapshot_parts (
  size bigint NOT NULL REFERENCES state_snapshots (size) ON DELETE CASCADE ON UPDATE CASCADE,
  part int NOT NULL CHECK (part >= 0),
  data bytea NOT NULL,
  PRIMARY KEY (size, part)
);
