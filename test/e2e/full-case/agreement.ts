// The full case, genesis and admissions, then the agreement proposed and signed into force (run in order by ../full-
// case.test.ts).
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { bootstrap, member, signed } from '../helpers/members.js';
import { getJson, logSize, mustRefuse, type Json } from '../helpers/http.js';
import { agreementBody, agreementHash, asBody } from '../helpers/case-bodies.js';
import { contentHash } from '../../../src/domain/records/fields.js';
import { type CaseContext } from './context.js';

export async function membershipAndAgreement(t: TestContext, k: CaseContext): Promise<void> {
  const { url, m, c, append, early } = k;
  await t.test('genesis and admissions: operator, two parties, two mediators, two monitors', async () => {
    await bootstrap(url, m.operator, 'e2e-case', [
      { m: m.pk, role: 'party', name: 'Government of Pakistan' },
      { m: m.af, role: 'party', name: 'Afghan de facto authorities' },
      { m: m.qa, role: 'mediator', name: 'State of Qatar' },
      { m: m.tr, role: 'mediator', name: 'Republic of Türkiye' },
      { m: m.monitor, role: 'monitor', name: 'Field team 1' },
      { m: m.osint, role: 'monitor', name: 'Open-source desk' },
    ]);
    assert.equal(await logSize(url), 7);
    const members = (await getJson(url, '/v1/members')).body.items as Json[];
    assert.deepEqual(
      Object.fromEntries(members.map((x) => [x.id, [x.role, x.side]])),
      { secretariat: ['operator', null], pk: ['party', 'pk'], af: ['party', 'af'], qa: ['mediator', null], tr: ['mediator', null], 'field-team-1': ['monitor', null], 'osint-desk': ['monitor', null] },
    );
    await mustRefuse(url, await signed(m.pk, 'member.admit', { member: 'mallory', name: 'Mallory', role: 'mediator', key: member('mallory').key }), 403, 'forbidden', /party may not sign member\.admit/);
  });

  await t.test('agreement: proposed by a mediator, signed by both parties and both mediators over its hash, in force', async () => {
    c.agreement = agreementBody();
    const hash = agreementHash(c.agreement);
    // Cross-check with a JCS written here: for this body (ASCII strings, small integers) it is JSON with sorted keys.
    const sortKeys = (v: unknown): unknown => (Array.isArray(v) ? v.map(sortKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, sortKeys(x)])) : v);
    assert.equal(hash, createHash('sha256').update(JSON.stringify(sortKeys(c.agreement))).digest('hex'));
    await mustRefuse(url, await signed(m.monitor, 'agreement.propose', asBody(c.agreement)), 403, 'forbidden', /monitor may not sign agreement\.propose/);
    await append('propose', m.qa, 'agreement.propose', asBody(c.agreement));
    let view = (await getJson(url, '/v1/agreement')).body;
    assert.equal(view.inForce, null, 'not in force before any signature');
    assert.equal(view.versions[0].hash, hash, 'the server hashes the JCS of the proposed body as the signers do');
    assert.equal(view.versions[0].state, 'proposed');
    assert.deepEqual(view.versions[0].missing, { parties: ['pk', 'af'], mediators: 2 });

    const sign = { agreement: c.agreement.agreement, version: 1, hash };
    await mustRefuse(url, await signed(m.pk, 'agreement.sign', { ...sign, hash: contentHash({ ...c.agreement, title: 'Another text' }) }), 409, 'invalid_state', /not the hash/);
    await mustRefuse(url, await signed(m.pk, 'agreement.sign', { ...sign, version: 2 }), 404, 'not_found', /no version 2/);
    for (const who of [m.pk, m.af, m.qa]) await append(`sign-${who.id}`, who, 'agreement.sign', sign);
    view = (await getJson(url, '/v1/agreement')).body;
    assert.equal(view.inForce, null, "three of four: the mediators' quorum of 2 is not reached");
    assert.deepEqual(view.versions[0].missing, { parties: [], mediators: 1 });
    await mustRefuse(url, await signed(m.qa, 'agreement.sign', sign, early()), 409, 'invalid_state', /already signed/);
    await mustRefuse(url, await signed(m.monitor, 'agreement.sign', sign), 403, 'forbidden');
    await append('sign-tr', m.tr, 'agreement.sign', sign);

    view = (await getJson(url, '/v1/agreement')).body;
    assert.equal(view.agreement, 'border-ceasefire');
    assert.deepEqual({ version: view.inForce.version, hash: view.inForce.hash, since: view.inForce.since.index }, { version: 1, hash, since: c.indexes['sign-tr'] });
    const v = view.versions[0];
    assert.equal(v.state, 'in_force');
    assert.deepEqual(v.missing, { parties: [], mediators: 0 });
    assert.deepEqual(
      v.signatures.map((s: Json) => [s.member, s.role, s.side, s.ref.index]),
      [
        ['pk', 'party', 'pk', c.indexes['sign-pk']],
        ['af', 'party', 'af', c.indexes['sign-af']],
        ['qa', 'mediator', null, c.indexes['sign-qa']],
        ['tr', 'mediator', null, c.indexes['sign-tr']],
      ],
    );
    assert.deepEqual(v.clauses.map((x: Json) => x.id), ['C1', 'C2', 'C3', 'C4']);
    assert.deepEqual(v.penalties, c.agreement.penalties);
  });
}
