import { it } from 'node:test';
import assert from 'node:assert/strict';
import { TruceError } from './errors.js';
import { resolveTimes, usesTimes } from './relative-times.js';

it('"@at:+OFFSET" and "@date:+OFFSET" count from the signing time, at any depth; other strings stay as they are', () => {
  const body = { from: '@at:+7d', until: '@at:+7d8h', deadline: '@date:+60d', soon: ['@at:+90m'], text: 'meet @at:+7d', n: 3 };
  assert.ok(usesTimes(body));
  assert.deepEqual(resolveTimes(body, '2026-03-01T12:00:00Z'), {
    from: '2026-03-08T12:00:00Z', until: '2026-03-08T20:00:00Z', deadline: '2026-04-30', soon: ['2026-03-01T13:30:00Z'], text: 'meet @at:+7d', n: 3,
  });
  assert.ok(!usesTimes({ text: 'no placeholder' }));
});

it('refuses a malformed relative time and a signing time that is not a time', () => {
  for (const bad of ['@at:7d', '@at:+7w', '@date:-1d', '@at:+']) assert.throws(() => resolveTimes({ x: bad }, '2026-03-01T12:00:00Z'), (e) => e instanceof TruceError && e.code === 'bad_request', bad);
  assert.throws(() => resolveTimes({ x: '@at:+1d' }, 'yesterday'), /not a time/);
});
