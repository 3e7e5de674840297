import { it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TruceError } from '../../domain/errors.js';
import { type Names, readNames, recordName, resolveNames, usesNames } from './submit-names.js';

const SERVER = 'http://127.0.0.1:8080';
const R1 = { type: 'report.file', id: 'a'.repeat(64), hash: 'b'.repeat(64), index: 7, server: SERVER };
const names: Names = { R1 };

it('replaces whole "@id:NAME" and "@hash:NAME" strings, at any depth, and nothing else', () => {
  const body = { finding: '@id:R1', hash: '@hash:R1', list: ['@id:R1', 3, null], text: 'see @id:R1', nested: { x: 'plain' } };
  assert.deepEqual(resolveNames(body, names, 'n.json', SERVER), { finding: R1.id, hash: R1.hash, list: [R1.id, 3, null], text: 'see @id:R1', nested: { x: 'plain' } });
  assert.equal(usesNames(body), true);
  assert.equal(usesNames({ text: 'mail @id:R1 later', n: 1 }), false);
});

it('refuses a name the file does not hold, listing the names it does', () => {
  assert.throws(
    () => resolveNames({ report: '@id:R2' }, names, 'n.json', SERVER),
    (e: unknown) => e instanceof TruceError && e.code === 'not_found' && /no statement is named R2 in n\.json \(names there: R1\)/.test(e.message),
  );
  // A name is a key of the file's own object, never one inherited from Object.prototype.
  assert.throws(() => resolveNames({ report: '@id:constructor' }, names, 'n.json'), TruceError);
});

it('refuses a name recorded for another server (another log), but not when nothing is sent (--dry-run)', () => {
  assert.throws(() => resolveNames({ report: '@id:R1' }, names, 'n.json', 'https://other.example'), /R1 was appended to http:\/\/127\.0\.0\.1:8080, not https:\/\/other\.example/);
  assert.deepEqual(resolveNames({ report: '@id:R1' }, names, 'n.json'), { report: R1.id });
});

it('a names file starts empty, keeps each name recorded, and a name given again means the newer statement', async () => {
  const path = join(await mkdtemp(join(tmpdir(), 'truce-names-')), 'names.json');
  assert.deepEqual(await readNames(path), {});
  await recordName(path, 'R1', R1);
  await recordName(path, 'F1', { ...R1, type: 'finding.propose', index: 9 });
  await recordName(path, 'R1', { ...R1, index: 11 });
  const read = await readNames(path);
  assert.deepEqual(Object.keys(read).sort(), ['F1', 'R1']);
  assert.equal(read.R1?.index, 11);
});

it('a names file that is not an object of well-formed names is refused, not half read', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'truce-names-'));
  const entry = JSON.stringify(R1);
  for (const text of ['[]', 'not json', `{"R1": ${entry}, "x": 1}`, '{"R1": {"id": "x"}}', `{"bad name": ${entry}}`]) {
    const path = join(dir, 'bad.json');
    await writeFile(path, text);
    await assert.rejects(readNames(path), /is not a names file/);
  }
});
