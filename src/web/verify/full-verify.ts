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
import { noteVerifierFromKey } from '../../log/note-ed25519.js';
import type { NoteVerifier } from '../../log/signed-note.js';
import { auditLogStream } from '../../log/tile-stream.js';
import { type ApiError, getBytes, getJson } from '../api/http.js';
import type { CheckpointItem, LogInfo } from '../api/types.js';
import type { MessageKey } from '../i18n/index.js';
import { RETRY_DELAYS_MS, retrying, transient } from './retry.js';
import { answeredFrom, type Checked, signaturePool } from './signatures.js';

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

/** What the server answered, as technical text: its status, or that nothing came back. */
const answerOf = (error: ApiError) => (error.status === 0 ? 'ERR_NETWORK' : `HTTP ${error.status}`);

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

/** Bundles whose signatures are being checked ahead of the replay (a few per worker: bounded memory). */
const AHEAD = 8;

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

  // 2 and 3, streamed: each entry bundle is hashed into the tree and checked against the hash tiles as it arrives, its
  // signatures checked by workers ahead of the replay, then replayed in order and let go (a million entries are
  // never held at once). Every entry is checked (the domain's checkEntry, the same as `truce verify`), so each one
  // that fails is named. The recent checkpoints are read first, to keep the roots a witnessed one may need (step 4).
  const { items: recent } = await getJson<{ items: readonly CheckpointItem[] }>('/v1/checkpoints?limit=50');
  report({ id: 'tiles', status: 'running', detail: { key: 'verifyDetail.fetchingTiles' }, progress: 0 });
  const state = createState();
  const failed: { index: number; code: string; detail: string }[] = [];
  const total = cp.size;
  let replayed = 0;
  let yielded = performance.now();
  const progress = () => report({ id: 'statements', status: 'running', detail: { key: 'verifyDetail.statementsProgress', values: { done: replayed, total } }, progress: replayed / Math.max(1, total) });
  const pool = signaturePool();
  const ahead: { entries: Uint8Array[]; first: number; checked: Promise<(Checked | null)[]> }[] = [];
  const replay = async (bundle: (typeof ahead)[number]) => {
    const checked = await bundle.checked;
    for (let j = 0; j < bundle.entries.length; j++) {
      const index = bundle.first + j;
      const result = checkEntry(state, bundle.entries[j]!, index, answeredFrom(checked[j]));
      if (!result.ok) failed.push({ index, code: result.code, detail: result.detail });
      replayed = index + 1;
      // The page stays responsive and the bar moves: the main thread is handed back at least every 50 ms.
      if (performance.now() - yielded > 50) {
        progress();
        await tick();
        yielded = performance.now();
      }
    }
    progress();
  };
  let audit: Awaited<ReturnType<typeof auditLogStream>>;
  try {
    audit = await auditLogStream({
      // A tile the server would not give even when asked again stops the check naming the tile and the answer
      // (a missing tile passes on: a partial one may be gone, and the full one is asked for instead).
      fetchTile: (path) =>
        retrying(() => getBytes(`/${path}`)).catch((error: unknown) =>
          transient(error) ? fail('tiles', { key: 'verifyDetail.tileUnavailable', values: { path, attempts: RETRY_DELAYS_MS.length + 1, answer: answerOf(error as ApiError) } }) : Promise.reject(error),
        ),
      size: cp.size,
      root: cp.rootHash,
      // The sizes the recent checkpoints sign for (not the sizes the list claims).
      rootsAt: recent.flatMap((item) => {
        const o = openCheckpoint(item.note, { origin: log.origin, log: verifier });
        return o.ok ? [o.checkpoint.size] : [];
      }),
      concurrency: 12,
      onEntries: async (entries, first) => {
        ahead.push({ entries, first, checked: pool.check(entries) });
        while (ahead.length > AHEAD) await replay(ahead.shift()!);
      },
      onProgress: (p) =>
        report({ id: 'tiles', status: 'running', detail: { key: 'verifyDetail.tilesProgress', values: { phase: p.phase, done: p.done, total: p.total } }, progress: p.done / Math.max(1, p.total) }),
    });
    if (audit.ok) {
      report({ id: 'tiles', status: 'ok', detail: { key: 'verifyDetail.tilesOk', values: { count: cp.size, root: toHex(cp.rootHash).slice(0, 16) } } });
      while (ahead.length > 0) await replay(ahead.shift()!);
    }
  } finally {
    pool.close();
  }
  if (!audit.ok) {
    report({ id: 'statements', status: 'waiting', detail: { key: 'verifyDetail.statementsProgress', values: { done: replayed, total } } });
    fail('tiles', { key: 'verifyDetail.tilesFailed', values: { detail: `${audit.reason}: ${audit.detail}` } });
  }
  const { roots } = audit as Extract<typeof audit, { ok: true }>;
  if (failed.length > 0) {
    const list = failed.slice(0, 20).map((f) => f.index).join(', ') + (failed.length > 20 ? ', …' : '');
    fail('statements', { key: 'verifyDetail.statementsFailed', values: { failed: failed.length, total, list, reason: { key: 'verifyDetail.refusal', values: { code: failed[0]!.code } }, detail: failed[0]!.detail } });
  }
  report({ id: 'statements', status: 'ok', detail: { key: 'verifyDetail.statementsOk', values: { count: total } } });

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
    const earlier = latestWitnessed(recent, policy, quorum, roots, (id) => nameIn(state, id));
    if (earlier?.fork) fail('witnesses', { key: 'verifyDetail.forked', values: { size: earlier.size } });
    witnessedSize = earlier?.size ?? null;
    detail = earlier
      ? { key: 'verifyDetail.awaitingWitnesses', values: { ...cosigned, size: earlier.size, witnessedBy: earlier.names } }
      : { key: 'verifyDetail.notWitnessedRecently', values: cosigned };
  }
  report({ id: 'witnesses', status: witnessedSize !== null ? 'ok' : 'warn', detail });

  localStorage.setItem(PIN(log.origin), log.vkey);
  return { ok: true, origin: cp.origin, size: cp.size, root: toHex(cp.rootHash), statements: total, witnesses: names, quorum, witnessedSize, seconds: (performance.now() - started) / 1000 };
}

/**
 * The newest recent checkpoint whose cosignatures reach the quorum under keys the replayed log registered, and whose
 * root is the root of the verified tree at its size (so the log showed the witnesses a prefix of what it shows us).
 */
function latestWitnessed(items: readonly CheckpointItem[], policy: Parameters<typeof openCheckpoint>[1], quorum: number, roots: ReadonlyMap<number, Uint8Array>, nameOf: (id: string) => string) {
  for (const item of items) {
    if (item.size === 0) continue;
    const opened = openCheckpoint(item.note, { ...policy, quorum });
    if (!opened.ok) continue;
    const names = [...new Set(opened.witnessedBy.map((w) => nameOf(w.name)))];
    const root = roots.get(opened.checkpoint.size);
    if (root === undefined) continue; // larger than the tree verified here
    return { size: opened.checkpoint.size, names, fork: !bytesEqual(root, opened.checkpoint.rootHash) };
  }
  return null;
}

export { Stop as VerifyStop };
