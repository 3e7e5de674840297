import { join } from 'node:path';
import { Readable } from 'node:stream';
import { toBase64 } from '../domain/encoding.js';
import { canonicalBytes } from '../domain/jcs.js';
import { signStatement, type StatementType } from '../domain/statement.js';
import { signAdmission, type Signer } from '../domain/records/admission.js';
import { demoCase, trainingCase } from '../domain/demo/index.js';
import { resolveDemoBody, type NamedRecord } from '../domain/demo/refs.js';
import { writeKeyFile } from './key-file.js';
import { acceptCosignature, witnesses } from './cosign.js';
import { cosignatureNoteSigner, cosignCheckpoint } from '../log/cosignature.js';
import type { Mechanism } from './mechanism.js';
import { generateKeyPair, type Ed25519KeyPair } from './node-ed25519.js';

export const DEMO_LABEL_META = 'demo_label';

/**
 * `truce serve --demo [case|training]`: load the case demo, or the fictional training mechanism, into an EMPTY store only (never over existing data). Each demo member gets a
 * fresh key, written to DIR/demo-keys/<member>.json in design.md's format; every demo statement is signed by its
 * member's key and appended through the same sequencer as any other, with its historical "at".
 */
export type DemoKind = 'case' | 'training';

export async function loadDemo(m: Mechanism, progress: (message: string) => void = () => undefined, kind: DemoKind = 'case'): Promise<boolean> {
  if (m.size > 0) {
    progress(`the store already holds ${m.size} entries: the demo is loaded into an empty store only`);
    return false;
  }
  const demo = kind === 'training' ? trainingCase() : demoCase();
  await m.store.setMeta(DEMO_LABEL_META, demo.label);
  m.demoLabel = demo.label;
  const keys = new Map<string, Ed25519KeyPair>();
  for (const member of demo.members) {
    const pair = generateKeyPair();
    keys.set(member.id, pair);
    await writeKeyFile(join(m.options.dataDir, 'demo-keys', `${member.id}.json`), member.id, pair);
  }
  for (const file of demo.files) await m.blobs.put(Readable.from([file.bytes]), file.bytes.length);

  const sign = async (by: string, type: StatementType, at: string, body: Record<string, unknown>) => {
    const pair = keys.get(by);
    if (!pair) throw new Error(`demo statement by ${by}, who is not a demo member`);
    const statement = await signStatement({ v: 1, type, by, key: toBase64(pair.publicKey), at, body }, pair.sign);
    return m.submit(canonicalBytes(statement), true);
  };

  const operator = demo.members.find((member) => member.role === 'operator')!;
  // The genesis and admissions, one second apart from the demo's admittedAt, the operator first.
  const admittedAt = Date.parse(demo.admittedAt);
  const second = (i: number) => new Date(admittedAt + i * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const admit = (member: (typeof demo.members)[number], extra: Record<string, unknown> = {}) => ({
    member: member.id,
    name: member.name,
    role: member.role,
    key: toBase64(keys.get(member.id)!.publicKey),
    ...(member.side ? { side: member.side } : {}),
    ...extra,
  });
  await sign(operator.id, 'member.admit', second(0), admit(operator, { mechanism: demo.mechanism }));
  // Each member's own key proves possession; a mediator joins with the consent of the parties admitted before it.
  const signer = (id: string): Signer => ({ member: id, key: toBase64(keys.get(id)!.publicKey), sign: keys.get(id)!.sign });
  let i = 0;
  for (const member of demo.members) {
    if (member === operator) continue;
    const consenters = member.role === 'mediator' ? demo.members.filter((x) => x.role === 'party').map((x) => signer(x.id)) : [];
    const body = await signAdmission(demo.mechanism, 'member.admit', admit(member), keys.get(member.id)!.sign, consenters);
    await sign(operator.id, 'member.admit', second(++i), body);
  }

  // Progress counts log entries (the admissions above included), the unit the startup and serving lines use too.
  const total = demo.members.length + demo.statements.length;
  const named = new Map<string, NamedRecord>();
  for (const s of demo.statements) {
    const body = resolveDemoBody(s.body, named);
    const { id } = await sign(s.by, s.type, s.at, body);
    if (s.name) named.set(s.name, { id, body });
    if (m.size % 10 === 0) progress(`demo: ${m.size} of ${total} entries`);
  }
  const checkpoint = await m.publishCheckpoint();
  // The witnesses the parties named in rules they all signed cosign the first checkpoint; the case names none (no
  // written rules were signed by both sides), so its log is shown as not witnessed, as it is.
  const witnessIds = new Set(witnesses(m.state).map((w) => w.id));
  if (checkpoint) {
    const text = checkpoint.note.slice(0, checkpoint.note.indexOf('\n\n') + 1);
    for (const member of demo.members.filter((x) => witnessIds.has(x.id))) {
      const pair = keys.get(member.id)!;
      const line = await cosignCheckpoint(text, cosignatureNoteSigner(member.id, pair.publicKey, pair.sign));
      await acceptCosignature(m, checkpoint.size, line);
    }
  }
  progress(`demo loaded: ${m.size} entries; member keys in ${join(m.options.dataDir, 'demo-keys')}`);
  return true;
}
