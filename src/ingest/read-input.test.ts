import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { declaredCharset, decode, detectKind, inputFromBytes, isBinary, isInputError, readInputs } from './read-input.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

test('content is sniffed, not trusted from the name', () => {
  assert.equal(detectKind('<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>'), 'feed');
  assert.equal(detectKind('<feed xmlns="http://www.w3.org/2005/Atom"></feed>'), 'feed');
  assert.equal(detectKind('<!DOCTYPE html><html><body><p>x</p></body></html>'), 'html');
  assert.equal(detectKind('KABUL (AP) — Two people were killed.'), 'text');
});

test('empty, binary and oversized inputs are refused with a reason', () => {
  const r1 = inputFromBytes('a', new Uint8Array());
  const r2 = inputFromBytes('b', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
  const r3 = inputFromBytes('c', bytes('x'.repeat(100)), 50);
  assert.ok(isInputError(r1) && r1.code === 'empty');
  assert.ok(isInputError(r2) && r2.code === 'binary');
  assert.ok(isInputError(r3) && r3.code === 'too_large');
  assert.equal(isBinary(bytes('plain text\n')), false);
});

test('legacy Windows-1252 pages decode instead of failing', () => {
  const r = inputFromBytes('d', new Uint8Array([0x93, 0x48, 0x69, 0x94, 0x20, 0x73, 0x61, 0x69, 0x64]));
  assert.ok(!isInputError(r) && r.text === '\u201cHi\u201d said');
});

test('a page is decoded in the charset it declares', () => {
  // "قتل" (killed) in windows-1256, declared in a meta tag
  const head = [...Buffer.from('<html><head><meta charset="windows-1256"></head><body><p>')];
  const page = new Uint8Array([...head, 0xde, 0xca, 0xe1, ...Buffer.from('</p></body></html>')]);
  assert.equal(declaredCharset(page), 'windows-1256');
  assert.match(decode(page), /<p>قتل<\/p>/);
  const latin = new Uint8Array([...Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>'), 0xe9, ...Buffer.from('</title></rss>')]);
  assert.match(decode(latin), /<title>é<\/title>/);
});

test('folders, stdin, missing files and URLs: one error each, the rest read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ingest-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'a.txt'), 'Headline\n\nTwo people were killed.');
  writeFileSync(join(dir, 'sub', 'b.html'), '<html><body><p>Text</p></body></html>');
  writeFileSync(join(dir, 'gold.json'), '{}');
  const stdin = Readable.from([Buffer.from('From stdin: a clash.')]);
  const { inputs, errors } = await readInputs([dir, '-', join(dir, 'missing.txt'), 'https://example.org/x'], { stdin });
  assert.deepEqual(inputs.map((i) => i.id?.replace(dir, '')), ['/a.txt', '/sub/b.html', 'stdin']);
  assert.deepEqual(errors.map((e) => e.code), ['not_found', 'url_offline']);
});
