import { it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TruceError } from '../domain/errors.js';
import { DEFAULT_SERVER, resolveServer } from './server-option.js';

function configFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'truce-config-')), 'config.json');
  writeFileSync(path, text);
  return path;
}

it('takes --server first, then $TRUCE_SERVER, then the config file, then the default, and says which', () => {
  const config = configFile('{"server": "https://config.example.org/"}');
  const env = { TRUCE_SERVER: 'https://env.example.org', TRUCE_CONFIG: config };
  assert.deepEqual(resolveServer('https://flag.example.org', env), { url: 'https://flag.example.org', from: '--server' });
  assert.deepEqual(resolveServer(undefined, env), { url: 'https://env.example.org', from: '$TRUCE_SERVER' });
  assert.deepEqual(resolveServer(undefined, { TRUCE_CONFIG: config }), { url: 'https://config.example.org', from: config });
  const missing = join(tmpdir(), 'truce-no-such-dir', 'config.json');
  assert.deepEqual(resolveServer(undefined, { TRUCE_CONFIG: missing }), { url: DEFAULT_SERVER, from: 'the default' });
});

it('refuses a config file that is not JSON, a server that is not a string, and a URL that is not http(s)', () => {
  assert.throws(() => resolveServer(undefined, { TRUCE_CONFIG: configFile('{server:') }), (e) => e instanceof TruceError && /is not JSON/.test(e.message));
  assert.throws(() => resolveServer(undefined, { TRUCE_CONFIG: configFile('{"server": 8080}') }), /must be a URL string/);
  assert.throws(() => resolveServer(undefined, { TRUCE_SERVER: 'javascript:alert(1)' }), /not an http\(s\) URL/);
});
