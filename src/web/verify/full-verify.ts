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
import type { MessageKey } from '../i18n/index.js';
import { retrying } from './retry.js';

export type StepId = 'checkpoint' | 'tiles' | 'statements' | 'witnesses';

/**
 * What a step found, as a catalog message and its arguments: the panel words it in the reader's language. Technical
 * text from the checks themselves (a refusal's detail) is an argument shown as code, left to right.
 */
export interface StepDetail {
  readonly key: MessageKey;
  /** A list is joined in the reader's language; a nested detail is worded first. */
  readonly values?: Readonly<Record<string, string | number | boolean | readonly string[] | StepDetail>>;
}

export interface StepState {
  readonly id: StepId;
  readonly status: 'waiting' | 'running' | 'ok' | 'warn' | 'fail';
  readonly detail: StepDetail;
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

class Stop extends Error {
  constructor(readonly detail: StepDetail) {
    super(detail.key);
  }
}

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
  const fail = (id: StepId, detail: StepDetail): never => {
    report({ id, status: 'fail', detail });
    throw new Stop(detail);
  };

  // 1. The checkpoint.
  report({ id: 'checkpoint', status: 'running', detail: { key: 'verifyDetail.fetchingCheckpoint' } });
  const log = await getJson<LogInfo>('/v1/log');
  const verifier = noteVerifierFromKey(log.vkey) ?? fail('checkpoint', { key: 'verifyDetail.badLogKey', values: { key: log.vkey } });
  const note = new TextDecoder().decode(await getBytes('/checkpoint'));
  const opened = openCheckpoint(note, { origin: log.origin, log: verifier });
  if (!opened.ok) fail('checkpoint', { key: 'verifyDetail.badCheckpoint', values: { detail: `${opened.reason}: ${opened.detail}` } });
  const cp = (opened as Extract<typeof opened, { ok: true }>).checkpoint;
  const pinned = localStorage.getItem(PIN(log.origin));
  if (pinned && pinned !== log.vkey) fail('checkpoint', { key: 'verifyDetail.keyChanged', values: { was: pinned, now: log.vkey } });
  report({ id: 'checkpoint', status: 'ok', detail: { key: 'verifyDetail.checkpointOk', values: { name: verifier.name, keyId: verifier.keyId.toString(16).padStart(8, '0'), size: cp.size, pinned: pinned !== null } } });

  // 2. Tiles → tree → root.
  report({ id: 'tiles', status: 'running', detail: { key: 'verifyDetail.fetchingTiles' }, progress: 0 });
  const audit = await auditLog({
    fetchTile: (path) => retrying(() => getBytes(`/${path}`)),
    size: cp.size,
    root: cp.rootHash,
    onProgress: (p) =>
      report({ id: 'tiles', status: 'running', detail: { key: 'verifyDetail.tilesProgress', values: { phase: p.phase, done: p.done, total: p.total } }, progress: (p.phase === 'entries' ? 0 : 0.5) + (p.done / Math.max(1, p.total)) / 2 }),
  });
  if (!audit.ok) fail('tiles', { key: 'verifyDetail.tilesFailed', values: { detail: `${audit.reason}: ${audit.detail}` } });
  const { entries, tree } = audit as Extract<typeof audit, { ok: true }>;
  report({ id: 'tiles', status: 'ok', detail: { key: 'verifyDetail.tilesOk', values: { count: entries.length, root: toHex(cp.rootHash).slice(0, 16) } } });

  // 3. Replay every statement.
  // Every entry is checked (the domain's checkEntry, the same as `truce verify`), so each one that fails is named.
  const state = createState();
  const failed: { index: number; code: string; detail: string }[] = [];
  for (let i = 0; i < entries.length; i++) {
    const checked = checkEntry(state, entries[i]!, i, verifyEd25519);
    if (!checked.ok) failed.push({ index: i, code: checked.code, detail: checked.detail });
    if (i % 100 === 99 || i === entries.length - 1) {
      report({ id: 'statements', status: 'running', detail: { key: 'verifyDetail.statementsProgress', values: { done: i + 1, total: entries.length } }, progress: (i + 1) / entries.length });
      await tick();
    }
  }
  if (failed.length > 0) {
    const list = failed.slice(0, 20).map((f) => f.index).join(', ') + (failed.length > 20 ? ', …' : '');
    fail('statements', { key: 'verifyDetail.statementsFailed', values: { failed: failed.length, total: entries.length, list, reason: { key: 'verifyDetail.refusal', values: { code: failed[0]!.code } }, detail: failed[0]!.detail } });
  }
  report({ id: 'statements', status: 'ok', detail: { key: 'verifyDetail.statementsOk', values: { count: entries.length } } });

  // 4. Witnesses.
  report({ id: 'witnesses', status: 'running', detail: { key: 'verifyDetail.checkingWitnesses' } });
  const witnesses = witnessVerifiers(state);
  const quorum = mechanismRules(state).witnesses?.quorum ?? 0;
  const policy = { origin: log.origin, log: verifier, witnesses };
  const withWitnesses = openCheckpoint(note, policy);
  const names = withWitnesses.ok ? [...new Set(withWitnesses.witnessedBy.map((w) => nameIn(state, w.name)))] : [];
  let witnessedSize: number | null = quorum > 0 && names.length >= quorum ? cp.size : null;
  const cosigned = { names, count: names.length, quorum };
  let detail: StepDetail = { key: 'verifyDetail.witnessesOk', values: cosigned };
  if (quorum === 0) detail = { key: 'verifyDetail.noWitnessesNamed' };
  else if (witnessedSize === null) {
    const earlier = await latestWitnessed(policy, quorum, cp.size, tree, (id) => nameIn(state, id));
    if (earlier?.fork) fail('witnesses', { key: 'verifyDetail.forked', values: { size: earlier.size } });
    witnessedSize = earlier?.size ?? null;
    detail = earlier
      ? { key: 'verifyDetail.awaitingWitnesses', values: { ...cosigned, size: earlier.size, witnessedBy: earlier.names } }
      : { key: 'verifyDetail.notWitnessedRecently', values: cosigned };
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
