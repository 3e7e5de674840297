import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Mention } from './events.js';
import { toEvent } from './present.js';

const mention = (article: string, killed: number, speakers: string[]): Mention => ({
  id: `${article}:1`, article, kind: 'incident', eventType: 'Battles', subEventType: 'Armed clash', when: { start: '2025-11-06', end: '2025-11-06', precision: 'day' },
  where: [], actors: [], perpetrators: [], casualties: [], fatalities: { min: killed, max: killed }, injured: null,
  claims: speakers.map((speaker) => ({ speaker, quote: 'q', kind: 'paraphrase', verb: 'said', sentence: 0 })), sentences: [0], trace: { where: [], actors: [], fatalities: [], injured: [] },
});

test('a candidate spans its sources\' tolls and keeps every speaker of a sentence', () => {
  const e = toEvent('ev-1', [mention('a', 2, ['Pakistani officials', 'Afghan officials']), mention('b', 4, ['residents'])], new Map([['a', ['Two killed.']], ['b', ['Four killed.']]]));
  assert.deepEqual(e.fatalities, { min: 2, max: 4 });
  assert.deepEqual(e.claims.map((c) => c.speaker), ['Pakistani officials', 'Afghan officials', 'residents']);
  assert.deepEqual(e.sources.map((s) => s.sentence), ['Two killed.', 'Four killed.']);
});
