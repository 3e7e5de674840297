// "Verify in this browser": everything `truce verify` checks, with the server as an untrusted file host.
//   1. the checkpoint is signed by the log's key (and that key is the one this browser saw before, if any);
//   2. every entry bundle and hash tile, rebuilt into the tree, gives exactly the checkpoint's root;
//   3. every statement is canonical, correctly signed, by a registered key, within its signer's rights and valid
//      for the workflow (the domain's own replay, the same code the server runs);
//   4. witness cosignatures on the checkpoint verify under keys the replayed log registered.
// Loaded lazily from the Log page.
import { checkEntry } from '../../domain/entry-check.js';
import { createState, type MechanismState } from '../../domain/state.js';
import { mechanismRules } from '../../domain/records/agreement-rules.js';
import { openCheckpoint } from '../../log/checkpoint-note.js';
import { cosignatureNoteVerifier } from '../../log/cosignature.js';
import { verifyEd25519 } from '../../log/ed25519.js';
import { bytesEqual, fromBase64, toHex } from '../../log/encoding.js';
import type { MerkleTree } from '../../log/merkle-tree.js';
import { noteVerifierFromKey } from '../../log/note-ed25519.js';
import type { NoteVerifier } from '../../log/signed-note.js';
import { auditLog } from '../../log/tile-client.js';
import { getBytes, getJson } from '../api/http.js';
import type { CheckpointItem, LogInfo } from '../api/types.js';

export type StepId = 'checkpoint' | 'tiles' | 'statements' | 'witnesses';

export interface StepState {
  readonly id: StepId;
  readonly status: 'waiting' | 'running' | 'ok' | 'warn' | 'fail';
  readonly detail: string;
  /** 0..1 while running */
  readonly progress?: number;
}

export interface Verdict {
  readonly ok: boolean;
  readonly origin: string;
  readonly size: number;
  readonly root: string;
  readonly statements: number;
  readonly witnesses: readonly string[];
  readonly quorum: number;
  /** Size of the newest checkpoint cosigned by a quorum that this tree extends (the latest may still await its witnesses). */
  readonly witnessedSize: number | null;
  readonly seconds: number;
}

type Report = (step: StepState) => void;

class Stop extends Error {}

const PIN = (origin: string) => `truce.vkey:${origin}`;

/** The witnesses named in the rules every party signed, pinned from the replayed log: never the member list. */
function witnessVerifiers(state: MechanismState): NoteVerifier[] {
  const named = new Set(mechanismRules(state).witnesses?.members ?? []);
  const members = [...state.members.values()].filter((m) => named.has(m.id));
  return members.flatMap((m) =>
    [...state.keys.values()].filter((k) => k.member === m.id && !k.revoked).map((k) => cosignatureNoteVerifier(m.id, fromBase64(k.key)!, verifyEd25519)),
  );
}

/** A witness's member id as a short name, from the replayed log itself ("State of Qatar"). */
function nameIn(state: MechanismState, id: string): string {
  const name = state.members.get(id)?.name;
  return name ? (name.split(/\s*[,(]/)[0]?.trim() || name) : id;
}

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

/** Run every check, reporting each step as it goes; resolves with the verdict, or rejects with the first failure. */
export async function verifyLog(report: Report): Promise<Verdict> {
  const started = performance.now();
  const fail = (id: StepId, detail: string): never => {
    report({ id, status: 'fail', detail });
    throw new Stop(detail);
  };

  // 1. The checkpoint.
  report({ id: 'checkpoint', status: 'running', detail: 'Fetching the latest checkpoint…' });
  const log = await getJson<LogInfo>('/v1/log');
  const verifier = noteVerifierFromKey(log.vkey) ?? fail('checkpoint', `the log's key is not a valid Ed25519 note key: ${log.vkey}`);
  const note = new TextDecoder().decode(await getBytes('/checkpoint'));
  const opened = openCheckpoint(note, { origin: log.origin, log: verifier });
  if (!opened.ok) fail('checkpoint', `the checkpoint does not verify under the log's key (${opened.reason}: ${opened.detail})`);
  const cp = (opened as Extract<typeof opened, { ok: true }>).checkpoint;
  const pinned = localStorage.getItem(PIN(log.origin));
  if (pinned && pinned !== log.vkey) fail('checkpoint', `the log's key changed since this browser last verified it (was ${pinned}, now ${log.vkey}). Ask the secretariat why before trusting anything.`);
  report({ id: 'checkpoint', status: 'ok', detail: `Signed by ${verifier.name} (key ${verifier.keyId.toString(16).padStart(8, '0')}); size ${cp.size}.${pinned ? ' Same key as last time.' : ' First verification in this browser: key remembered.'}` });

  // 2. Tiles → tree → root.
  report({ id: 'tiles', status: 'running', detail: 'Fetching entry bundles and hash tiles…', progress: 0 });
  const audit = await auditLog({
    fetchTile: (path) => getBytes(`/${path}`),
    size: cp.size,
    root: cp.rootHash,
    onProgress: (p) =>
      report({ id: 'tiles', status: 'running', detail: `${p.phase === 'entries' ? 'Entry bundles' : 'Hash tiles'}: ${p.done} of ${p.total}`, progress: (p.phase === 'entries' ? 0 : 0.5) + (p.done / Math.max(1, p.total)) / 2 }),
  });
  if (!audit.ok) fail('tiles', `${audit.reason}: ${audit.detail}`);
  const { entries, tree } = audit as Extract<typeof audit, { ok: true }>;
  report({ id: 'tiles', status: 'ok', detail: `Recomputed the root from ${entries.length} entries: ${toHex(cp.rootHash).slice(0, 16)}… matches the checkpoint.` });

  // 3. Replay every statement.
  // Every entry is checked (the domain's checkEntry, the same as `truce verify`), so each one that fails is named.
  const state = createState();
  const failed: { index: number; detail: string }[] = [];
  for (let i = 0; i < entries.length; i++) {
    const checked = checkEntry(state, entries[i]!, i, verifyEd25519);
    if (!checked.ok) failed.push({ index: i, detail: checked.detail });
    if (i % 100 === 99 || i === entries.length - 1) {
      report({ id: 'statements', status: 'running', detail: `Checked ${i + 1} of ${entries.length} statements`, progress: (i + 1) / entries.length });
      await tick();
    }
  }
  if (failed.length > 0) {
    const list = failed.slice(0, 20).map((f) => f.index).join(', ') + (failed.length > 20 ? ', …' : '');
    fail('statements', `${failed.length} of ${entries.length} entries break a rule (entries ${list}). First: ${failed[0]!.detail}`);
  }
  report({ id: 'statements', status: 'ok', detail: `${entries.length} statements: canonical, signed by registered keys, within each signer's rights, and valid in order.` });

  // 4. Witnesses.
  report({ id: 'witnesses', status: 'running', detail: 'Checking cosignatures…' });
  const witnesses = witnessVerifiers(state);
  const quorum = mechanismRules(state).witnesses?.quorum ?? 0;
  const policy = { origin: log.origin, log: verifier, witnesses };
  const withWitnesses = openCheckpoint(note, policy);
  const names = withWitnesses.ok ? [...new Set(withWitnesses.witnessedBy.map((w) => nameIn(state, w.name)))] : [];
  let witnessedSize: number | null = quorum > 0 && names.length >= quorum ? cp.size : null;
  let detail = `Cosigned by ${names.join(', ')}: ${names.length} of the ${quorum} needed.`;
  if (quorum === 0) detail = 'The parties have named no witnesses in rules they all signed, so no checkpoint can count as witnessed.';
  else if (witnessedSize === null) {
    const earlier = await latestWitnessed(policy, quorum, cp.size, tree, (id) => nameIn(state, id));
    if (earlier?.fork) fail('witnesses', `the witnesses cosigned a different tree of size ${earlier.size} than the one served now: the log has forked.`);
    witnessedSize = earlier?.size ?? null;
    detail = earlier
      ? `The newest checkpoint awaits its witnesses (${names.length} of ${quorum}). The newest witnessed one, size ${earlier.size}, cosigned by ${earlier.names.join(', ')}, is a prefix of the tree verified here.`
      : `Cosigned by ${names.length ? names.join(', ') : 'no witness yet'}; ${quorum} are needed for a checkpoint to count as witnessed, and no recent checkpoint has them.`;
  }
  report({ id: 'witnesses', status: witnessedSize !== null ? 'ok' : 'warn', detail });

  localStorage.setItem(PIN(log.origin), log.vkey);
  return { ok: true, origin: cp.origin, size: cp.size, root: toHex(cp.rootHash), statements: entries.length, witnesses: names, quorum, witnessedSize, seconds: (performance.now() - started) / 1000 };
}

/**
 * The newest recent checkpoint whose cosignatures reach the quorum under keys the replayed log registered, and whose
 * root is the root of the verified tree at its size (so the log showed the witnesses a prefix of what it shows us).
 */
async function latestWitnessed(policy: Parameters<typeof openCheckpoint>[1], quorum: number, size: number, tree: MerkleTree, nameOf: (id: string) => string) {
  const { items } = await getJson<{ items: readonly CheckpointItem[] }>('/v1/checkpoints?limit=50');
  for (const item of items) {
    if (item.size > size || item.size === 0) continue;
    const opened = openCheckpoint(item.note, { ...policy, quorum });
    if (!opened.ok) continue;
    const names = [...new Set(opened.witnessedBy.map((w) => nameOf(w.name)))];
    return { size: opened.checkpoint.size, names, fork: !bytesEqual(tree.root(opened.checkpoint.size), opened.checkpoint.rootHash) };
  }
  return null;
}

export { Stop as VerifyStop };
