// For tests: a demo replayed as the server loads it (demo-loader.ts), with the test builders' keys, so a test can
// check every statement is accepted and read the projections. Throws at the first statement refused.
import { admissionBody, keyOf, world, type World } from '../test-builders-reports.js';
import { resolveDemoBody, type NamedRecord } from './refs.js';
import type { DemoCase } from './case.js';

/** @example const { w, named } = replayDemo(trainingCase()); incidentView(w.state, named.get('R1')!.id) */
export function replayDemo(demo: DemoCase): { w: World; named: Map<string, NamedRecord> } {
  const w = world();
  const t0 = Date.parse(demo.admittedAt);
  const parties = demo.members.filter((x) => x.role === 'party').map((x) => x.id);
  demo.members.forEach((m, i) => {
    const at = new Date(t0 + i * 1000).toISOString().replace('.000Z', 'Z');
    const body = { member: m.id, name: m.name, role: m.role, key: keyOf(m.id), ...(m.side ? { side: m.side } : {}), ...(i === 0 ? { mechanism: demo.mechanism } : {}) };
    // A mediator joins with the consent of the parties, admitted before it.
    w.must(i === 0 ? m.id : 'secretariat', 'member.admit', i === 0 ? body : admissionBody(w.state, body, m.role === 'mediator' ? parties : []), at);
  });
  const named = new Map<string, NamedRecord>();
  for (const s of demo.statements) {
    const body = resolveDemoBody(s.body, named);
    const r = w.apply(s.by, s.type, body, s.at);
    if (!r.ok) throw new Error(`${s.name ?? ''} ${s.type} by ${s.by} at ${s.at} refused: ${r.code}: ${r.detail}`);
    if (s.name) named.set(s.name, { id: r.ref.id, body });
  }
  return { w, named };
}
