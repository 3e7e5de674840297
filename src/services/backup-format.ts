import { z } from 'zod';

/**
 * A Truce backup, as a folder (or the same folder in a .tar.gz):
 *   manifest.json     what the backup holds: origin, the log's public key, size and root, counts
 *   entries.jsonl     one log entry a line: {"index", "statement" (its exact canonical text), "arrivedAt"}
 *   checkpoints.jsonl one signed checkpoint a line, with the witnesses' cosignatures
 *   candidates.jsonl  the news review queue (not in the log, but work a monitor would lose)
 *   keys.json         public keys only: the log's verifier key, every member's keys and whether revoked
 *   evidence/<sha256> the bytes of every evidence item the log registers and this server holds
 * Never a private key: the log's signing key (DIR/log.key) is kept apart, and given back to `truce restore`.
 */
export const BACKUP_FORMAT = 'truce-backup/1';

export const FILES = {
  manifest: 'manifest.json',
  entries: 'entries.jsonl',
  checkpoints: 'checkpoints.jsonl',
  candidates: 'candidates.jsonl',
  keys: 'keys.json',
  evidence: 'evidence',
} as const;

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.iso.datetime(),
  origin: z.string().nullable(),
  /** The log's C2SP verifier key; null when the data folder held no log key. */
  vkey: z.string().nullable(),
  size: z.number().int().min(0),
  /** base64 root hash of the whole log (empty log: null). */
  root: z.string().nullable(),
  checkpoints: z.number().int().min(0),
  candidates: z.number().int().min(0),
  evidence: z.array(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().min(0) })),
  /** Registered evidence whose bytes this server never received (a party showed it in person). */
  evidenceWithoutBytes: z.array(z.string()),
  demoLabel: z.string().nullable(),
});
export type Manifest = z.infer<typeof manifestSchema>;

export const entryLineSchema = z.object({ index: z.number().int().min(0), statement: z.string(), arrivedAt: z.string().nullable() });

export const checkpointLineSchema = z.object({
  size: z.number().int().min(1),
  root: z.string(),
  note: z.string(),
  createdAt: z.string(),
  cosignatures: z.array(z.object({ witness: z.string(), keyId: z.string(), line: z.string(), receivedAt: z.string() })),
});

export const candidateLineSchema = z.object({
  id: z.string(),
  batch: z.string(),
  createdAt: z.string(),
  status: z.enum(['open', 'promoted', 'dismissed']),
  promotedReport: z.string().nullable(),
  candidate: z.unknown(),
});
