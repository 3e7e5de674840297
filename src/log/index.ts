// The log module's public API: RFC 9162 tree and proofs, C2SP signed notes, checkpoints, cosignatures, tiles
// and receipts, and the one Ed25519 rule. Pure (Uint8Array, no node:*), so the browser verifies with this code.
export { toBase64, fromBase64, toHex, fromHex, utf8, fromUtf8, bytesEqual, concatBytes } from './encoding.js';
export { HASH_SIZE, sha256, hashLeaf, hashChildren, emptyRoot } from './hash.js';
export { MerkleTree } from './merkle-tree.js';
export { verifyInclusion, verifyConsistency, rootFromInclusionProof } from './proof-verify.js';
export { type Ed25519Verify, type Ed25519Sign, verifyEd25519, signEd25519, publicKeyFromSeed } from './ed25519.js';
export {
  KEY_TYPE_ED25519,
  KEY_TYPE_COSIGNATURE,
  type KeyType,
  type VerifierKey,
  type SignerKey,
  isValidKeyName,
  keyId,
  keyIdHex,
  formatVerifierKey,
  parseVerifierKey,
  formatSignerKey,
  parseSignerKey,
} from './note-keys.js';
export {
  type NoteSignature,
  type NoteVerifier,
  type NoteSigner,
  type ParsedNote,
  type NoteFailureReason,
  type NoteFailure,
  type OpenedNote,
  MAX_NOTE_BYTES,
  MAX_NOTE_SIGNATURES,
  parseNote,
  formatNote,
  signatureLine,
  signNote,
  openNote,
  sameSignature,
} from './signed-note.js';
export { ed25519NoteVerifier, ed25519NoteSigner, noteVerifierFromKey, noteSignerFromKey } from './note-ed25519.js';
export { type Checkpoint, formatCheckpoint, parseCheckpoint } from './checkpoint.js';
export {
  type CheckpointPolicy,
  type CheckpointFailureReason,
  type OpenedCheckpoint,
  openCheckpoint,
  signCheckpoint,
} from './checkpoint-note.js';
export {
  COSIGNATURE_LENGTH,
  systemClock,
  cosignatureMessage,
  cosignatureTimestamp,
  cosignatureNoteVerifier,
  cosignatureNoteSigner,
  cosignatureVerifierFromKey,
  cosignatureSignerFromKey,
  cosignCheckpoint,
} from './cosignature.js';
export {
  TILE_HEIGHT,
  TILE_WIDTH,
  MAX_ENTRY_BYTES,
  type Tile,
  formatTileIndex,
  tilePath,
  parseTilePath,
  hashTilesForSize,
  entryBundlesForSize,
  hashTileContents,
  encodeEntryBundle,
  parseEntryBundle,
} from './tiles.js';
export {
  type FetchTile,
  type AuditProgress,
  type AuditOptions,
  type AuditFailureReason,
  type AuditResult,
  auditLog,
} from './tile-client.js';
export {
  type ConsistencyFailureReason,
  type ConsistencyResult,
  checkCheckpointConsistency,
} from './consistency-check.js';
export {
  RECEIPT_HEADER,
  type Receipt,
  type ReceiptFailureReason,
  type VerifiedReceipt,
  formatReceipt,
  parseReceipt,
  verifyReceipt,
} from './receipt.js';
