// The periodic public report end to end: the API's figures against the incidents API, the printable HTML in a
// right-to-left language, `truce report` recomputing it from the verified tiles, and a mediator logging it.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from './helpers/server.js';
import { getJson } from './helpers/http.js';
import { runCli } from './helpers/cli.js';

// The demo case: the fighting of 11-15 October, the Chaman-Spin Boldak exchange of 6-7 November, the talks.
const PERIOD = { from: '2025-10-11', to: '2025-11-10' };
let server: RunningServer;

before(async () => {
  server = await startServer({ demo: true });
});
after(() => server.close());

it('GET /v1/report: every incident the incidents API finds for the period, tallied with the entries behind each figure', async () => {
  const { status, body } = await getJson(server.url, `/v1/report?from=${PERIOD.from}&to=${PERIOD.to}`);
  assert.equal(status, 200);
  const { report, sha256 } = body;
  assert.match(sha256, /^[0-9a-f]{64}$/);
  const listed = await getJson(server.url, `/v1/incidents?from=${PERIOD.from}&to=${PERIOD.to}&limit=500`);
  assert.ok(report.incidents.total > 0);
  assert.deepEqual(new Set(report.incidents.items.map((i: { id: string }) => i.id)), new Set(listed.body.items.map((i: { id: string }) => i.id)));
  const counted = report.incidents.byType.reduce((n: number, t: { count: number; entries: number[] }) => {
    assert.equal(t.entries.length, t.count);
    return n + t.count;
  }, 0);
  assert.equal(counted, report.incidents.total);
  // Neutral: the case demo has no finding and no penalty against either real party.
  assert.deepEqual(report.findings, []);
  assert.deepEqual(report.penalties, []);
  assert.equal(report.size, (await getJson(server.url, '/v1/log')).body.size);
  // The terms as the agreement API has them: V1 binds both parties on a verbal basis neither acknowledged.
  const agreement = (await getJson(server.url, `/v1/agreement`)).body;
  assert.deepEqual(report.terms.map((t: { id: string }) => t.id), agreement.terms.map((t: { id: string }) => t.id));
  const v1 = report.terms.find((t: { id: string }) => t.id === 'V1');
  for (const party of v1.parties) assert.deepEqual(new Set(party.bases.map((b: { kind: string; acknowledged: boolean }) => `${b.kind}:${b.acknowledged}`)), new Set(['verbal:false']));
});

it('refuses a bad period with problem+json: an impossible date, from after to, an unknown language', async () => {
  for (const query of ['from=2025-02-30&to=2025-03-01', 'from=2025-11-10&to=2025-10-11', `from=${PERIOD.from}&to=${PERIOD.to}&lang=xx`]) {
    const r = await fetch(`${server.url}/v1/report?${query}`);
    assert.equal(r.status, 400, query);
    assert.match(r.headers.get('content-type') ?? '', /application\/problem\+json/);
  }
});

it('GET /v1/report.html: one self-contained page in the reader’s language and direction, no script, ending with the checkpoint', async () => {
  const r = await fetch(`${server.url}/v1/report.html?from=${PERIOD.from}&to=${PERIOD.to}&lang=fa-AF`);
  assert.equal(r.status, 200);
  const html = await r.text();
  assert.match(html, /<html lang="fa-AF" dir="rtl">/);
  assert.match(html, /گزارش عمومی/);
  assert.doesNotMatch(html, /<script|<link|src="http/i, 'nothing to load from anywhere');
  assert.match(html, /<svg class="map"/);
  assert.match(html, /شرایط و مبنای آن‌ها برای هر طرف/, 'the terms with their basis per party');
  assert.match(html, /تعهد شفاهی ثبت‌شده توسط میانجی‌ها/);
  assert.match(html, /--server &#60;نشانی میکانیزم&#62;/, 'the recompute line formats (its placeholder is quoted ICU, not a tag)');
  assert.match(html, /<pre dir="ltr">truce\//, 'the signed checkpoint it was computed from');
});

it('truce report recomputes the same report from the verified log; a mediator logs it with report.publish', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'truce-report-'));
  const json = await runCli(['report', '--from', PERIOD.from, '--to', PERIOD.to, '--json', '--server', server.url], { timeoutMs: 120_000 });
  assert.equal(json.code, 0, json.stderr);
  const recomputed = JSON.parse(json.stdout);
  const served = (await getJson(server.url, `/v1/report?from=${PERIOD.from}&to=${PERIOD.to}`)).body;
  assert.equal(recomputed.sha256, served.sha256, 'the CLI and the server compute the same report');

  const html = join(dir, 'report.html');
  const out = await runCli(['report', '--from', PERIOD.from, '--to', PERIOD.to, '--lang', 'ur', '--out', html, '--server', server.url], { timeoutMs: 120_000 });
  assert.equal(out.code, 0, out.stderr);
  assert.match(await readFile(html, 'utf8'), /<html lang="ur" dir="rtl">/);

  const key = join(server.dataDir, 'demo-keys', 'qa.json');
  const body = JSON.stringify({ from: PERIOD.from, to: PERIOD.to, sha256: served.sha256 });
  const published = await runCli(['submit', 'report.publish', body, '--key', key, '--server', server.url, '--json']);
  assert.equal(published.code, 0, published.stderr);
  const again = (await getJson(server.url, `/v1/report?from=${PERIOD.from}&to=${PERIOD.to}`)).body;
  assert.deepEqual(again.publications.map((p: { ref: { by: string } }) => p.ref.by), ['qa']);

  const wrong = await runCli(['submit', 'report.publish', JSON.stringify({ ...PERIOD, sha256: '0'.repeat(64) }), '--key', key, '--server', server.url]);
  assert.equal(wrong.code, 1);
  assert.match(wrong.stderr, /computed from the log is/);
});

it('truce report: usage errors in one line, exit 2 for a missing option, 1 for bad dates', async () => {
  const missing = await runCli(['report', '--from', '2025-10-11']);
  assert.equal(missing.code, 2);
  const bad = await runCli(['report', '--from', '2025-10-11', '--to', '2025-13-01', '--server', server.url]);
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /real dates/);
});
