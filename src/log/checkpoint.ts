// C2SP tlog-checkpoint v1.0.0 note text: origin line, decimal tree size, base64 root hash, optional extension
// lines, each ending in a newline. Checkpoints come from the log server, mirrors, witnesses and receipt files,
// so the parser accepts one canonical spelling and bounds every part.
import { fromBase64, isWellFormedText, toBase64 } from './encoding.js';
import { HASH_SIZE } from './hash.js';
import { isIndex } from './tree-math.js';

export interface Checkpoint {
  /** The log's identity, e.g. "truce/<mechanism id>". */
  readonly origin: string;
  /** Number of entries in the tree. */
  readonly size: number;
  /** RFC 9162 root hash of the tree of that size (32 bytes). */
  readonly rootHash: Uint8Array;
  /** Opaque extension lines (not auditable; Truce writes none). */
  readonly extensions: readonly string[];
}

/** Bounds for hostile input: a checkpoint body is a few hundred bytes in practice. */
export const MAX_CHECKPOINT_BYTES = 16 * 1024;
export const MAX_ORIGIN_LENGTH = 1024;
export const MAX_EXTENSION_LINES = 16;

const SIZE_PATTERN = /^(0|[1-9][0-9]{0,15})$/;

function isValidLine(line: string): boolean {
  if (line.length === 0) return false;
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) < 0x20) return false;
  return isWellFormedText(line);
}

/**
 * The checkpoint's note text (what the log signs). Throws RangeError on a value that cannot be encoded.
 * @example formatCheckpoint({ origin: "truce/demo", size: 1, rootHash, extensions: [] }) // "truce/demo\n1\nbjQL...=\n"
 */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  const { origin, size, rootHash, extensions } = checkpoint;
  if (!isValidLine(origin) || origin.length > MAX_ORIGIN_LENGTH) throw new RangeError('formatCheckpoint: invalid origin');
  if (!isIndex(size)) throw new RangeError('formatCheckpoint: size must be a non-negative safe integer');
  if (rootHash.length !== HASH_SIZE) throw new RangeError('formatCheckpoint: the root hash is 32 bytes');
  if (extensions.length > MAX_EXTENSION_LINES || !extensions.every(isValidLine)) {
    throw new RangeError('formatCheckpoint: invalid extension lines');
  }
  const text = [origin, String(size), toBase64(rootHash), ...extensions].join('\n') + '\n';
  if (text.length > MAX_CHECKPOINT_BYTES) throw new RangeError('formatCheckpoint: checkpoint too large');
  return text;
}

/**
 * Parses a checkpoint's note text (after its signatures were verified); null unless canonical: non-empty lines,
 * size without leading zeros and at most 2^53 - 1, root exactly 32 bytes of canonical base64, final newline.
 * @example parseCheckpoint("truce/demo\n1\nbjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=\n")?.size // 1
 */
export function parseCheckpoint(text: string): Checkpoint | null {
  if (text.length > MAX_CHECKPOINT_BYTES || !text.endsWith('\n')) return null;
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3 || lines.length > 3 + MAX_EXTENSION_LINES) return null;
  if (!lines.every(isValidLine)) return null;
  const [origin, sizeText, rootText, ...extensions] = lines as [string, string, string, ...string[]];
  if (origin.length > MAX_ORIGIN_LENGTH || !SIZE_PATTERN.test(sizeText)) return null;
  const size = Number(sizeText);
  if (!isIndex(size)) return null;
  const rootHash = fromBase64(rootText);
  if (rootHash === null || rootHash.length !== HASH_SIZE) return null;
  return { origin, size, rootHash, extensions };
}
