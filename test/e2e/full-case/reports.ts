// The full case, reports filed, amended and refused; the accused party's reply (run in order by ../full-
// case.test.ts).
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { signed } from '../helpers/members.js';
import { getJson, mustRefuse, type Json } from '../helpers/http.js';
import { asBody, reportBody } from '../helpers/case-bodies.js';
import { type CaseContext } from './context.js';

export async function reportsAndReplies(t: TestContext, k: CaseContext): Promise<void> {
  const { url, m, c, append } = k;
  await t.test('reports: filed by a monitor and by the parties, amended by the filer; bad ones refused', async () => {
    const r1 = reportBody({ narrative: 'Mortar rounds were fired across the Chaman crossing from the Afghan side in the afternoon.' });
    const r2 = reportBody({
      when: { start: '2025-10-15T00:00:00+04:30', end: '2025-10-16T00:00:00+04:30', precision: 'day' },
      where: { lat: 31.0, lon: 66.39, place: 'Spin Boldak', admin1: 'Kandahar', country: 'Afghanistan', iso: 4, geo_precision: 1 },
      event_type: 'Explosions/Remote violence',
      sub_event_type: 'Air/drone strike',
      actors: [
        { name: 'Pakistani security forces', side: 'pk', role: 'perpetrator', actor_type: 'State forces' },
        { name: 'Civilians (Afghanistan)', side: null, role: 'target', actor_type: 'Civilians' },
      ],
      narrative: 'Drones struck houses near the bazaar; the Afghan side holds Pakistan responsible.',
      clauses: ['C3'],
      accused: ['pk'],
    });
    const r3 = reportBody({
      when: { start: '2025-11-20T09:00:00+05:00', end: '2025-11-20T11:00:00+05:00', precision: 'exact' },
      where: { lat: 34.13, lon: 71.09, place: 'Torkham', admin1: 'Khyber Pakhtunkhwa', country: 'Pakistan', iso: 586, geo_precision: 1 },
      event_type: 'Ceasefire mechanism',
      sub_event_type: 'Obstruction or denial of access to monitors',
      actors: [{ name: 'Unidentified armed men', side: null, role: 'perpetrator' }],
      narrative: 'The field team was turned back at the gate and could not observe the crossing.',
      clauses: [],
      accused: [],
    });
    const r4 = reportBody({
      when: { start: '2025-10-12T18:00:00+05:00', end: '2025-10-13T06:00:00+05:00', precision: 'night' },
      where: { lat: 33.7, lon: 70.2, place: 'Kurram', admin1: 'Khyber Pakhtunkhwa', country: 'Pakistan', iso: 586, geo_precision: 2 },
      narrative: 'Militants crossed from Afghan territory at night and attacked a border post.',
      clauses: ['C2'],
      accused: ['af'],
    });
    delete (r3 as { casualties?: unknown }).casualties;
    c.reports = {
      r1: await append('r1', m.monitor, 'report.file', asBody(r1)),
      r2: await append('r2', m.af, 'report.file', asBody(r2)),
      r3: await append('r3', m.monitor, 'report.file', asBody(r3)),
      r4: await append('r4', m.pk, 'report.file', asBody(r4)),
    };
    await mustRefuse(url, await signed(m.monitor, 'report.file', asBody(reportBody({ clauses: ['C9'] }))), 409, 'invalid_state', /term C9 does not exist; the terms are: C1, C2, C3, C4/);
    await mustRefuse(url, await signed(m.monitor, 'report.file', asBody(reportBody({ accused: ['xx'] }))), 409, 'invalid_state', /accused side xx/);
    await mustRefuse(url, await signed(m.monitor, 'report.file', asBody(reportBody({ sub_event_type: 'Pillow fight' }))), 400, 'bad_request', /taxonomy/);
    await mustRefuse(url, await signed(m.pk, 'report.amend', { report: c.reports.r1, changes: { narrative: 'Nothing happened.' } }), 403, 'forbidden', /only the filer/);
    await append('amend', m.monitor, 'report.amend', {
      report: c.reports.r1,
      changes: { narrative: 'Mortar rounds were fired across the Chaman crossing from the Afghan side; two civilians were killed.', casualties: { killed: { civilian: { min: 2, best: 2, max: 2 } } } },
      reason: 'Hospital records received',
    });
    const view = (await getJson(url, `/v1/incidents/${c.reports.r1}`)).body;
    assert.equal(view.attribution, 'alleged by Field team 1 (field-team-1)', 'a report is a claim attributed to its filer');
    assert.deepEqual(view.history.map((h: Json) => [h.version, h.reason, h.ref.index]), [[1, null, c.indexes.r1], [2, 'Hospital records received', c.indexes.amend]]);
    assert.match(view.report.narrative, /two civilians were killed/);
    assert.equal(view.history[0].body.narrative, r1.narrative, 'the first version is kept as filed');
    assert.equal(view.replyDeadline, new Date(Date.parse(view.filed.at) + 72 * 3_600_000).toISOString(), "the agreement's 72 h reply deadline");
  });

  await t.test('replies: the accused party answers beside the report; a party not accused cannot', async () => {
    await append('reply-af', m.af, 'report.reply', { report: c.reports.r1, stance: 'denies', text: 'No Afghan unit fired; smugglers exchanged fire with the border police.' });
    await append('reply-pk', m.pk, 'report.reply', { report: c.reports.r2, stance: 'disputes_facts', text: 'No Pakistani aircraft flew over Spin Boldak that day.' });
    await mustRefuse(url, await signed(m.pk, 'report.reply', { report: c.reports.r1, stance: 'other', text: 'We support the report.' }), 403, 'forbidden', /only a party accused by this report \(af\)/);
    await mustRefuse(url, await signed(m.qa, 'report.reply', { report: c.reports.r1, stance: 'other', text: 'Noted.' }), 403, 'forbidden');
    await mustRefuse(url, await signed(m.af, 'report.reply', { report: '0'.repeat(64), stance: 'denies', text: 'Never happened.' }), 404, 'not_found', /no report/);
    const view = (await getJson(url, `/v1/incidents/${c.reports.r1}`)).body;
    assert.equal(view.replies.length, 1);
    const [reply] = view.replies;
    assert.deepEqual([reply.side, reply.stance, reply.withinDeadline, reply.ref.index], ['af', 'denies', true, c.indexes['reply-af']]);
    assert.match(reply.attribution, /replied by Afghan de facto authorities \(af\)/);
    assert.match(view.report.narrative, /Mortar rounds/, 'the reply sits beside the report, never over it');
  });
}
