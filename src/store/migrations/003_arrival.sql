-- When each entry reached the log (the sequencer's clock at commit), beside "at", the time its signer claims.
-- Entries from before this column existed keep NULL: their arrival is bounded only by the checkpoints that hold them.
ALTER TABLE entries ADD COLUMN arrived_at timestamptz;
