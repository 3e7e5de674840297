import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingest } from './index.js';
import { classify } from './event-type.js';

// Invented notes in the coders' style; the places are real names the gazetteer knows.
const sub = (text: string): string | undefined => ingest([{ id: 'g', text }]).events[0]?.sub_event_type;

test('a clash that ends with ground taken is coded by its outcome (notes7, issue 10)', () => {
  assert.equal(sub('On 28 June 2025, government security forces (SNA) and Abgal clan militia clashed with Al Shabaab in Jowhar town (Jowhar, Middle Shabelle). The security forces took control of the village. Casualties unknown.'), 'Government regains territory');
  // ("the forces": the notes' word for the state's side)
  assert.equal(sub('On 7 April 2025, government security forces (SNA) attacked Al Shabaab and engaged them in an armed clash in Jowhar town (Jowhar, Middle Shabelle). The forces took control over the village. Casualties unknown.'), 'Government regains territory');
  assert.equal(sub('On 25 June 2025, Al Shabaab clashed with government security forces (SNA) in Jowhar town (Jowhar, Middle Shabelle). Al Shabaab took control of the village. Casualties unknown.'), 'Non-state actor overtakes territory');
  // (held briefly, or left again; captives and seized weapons are no ground)
  assert.equal(sub('On 5 June 2025, Abgal clan militia clashed with Al Shabaab in Jowhar town (Jowhar, Middle Shabelle). Al Shabaab briefly took control and withdrew from the area.'), 'Armed clash');
  assert.equal(sub('On 14 September 2025, Al Shabaab clashed with government security forces (SNA) at a base in Jowhar town (Jowhar, Middle Shabelle). The forces captured Al Shabaab fighters and destroyed checkpoints.'), 'Armed clash');
});

test('ground taken with no clash reported is a non-violent transfer (notes7, issue 10)', () => {
  assert.equal(classify('No clash was reported.').some((t) => !t.hedged), false);
  assert.equal(classify('There were no clashes.').some((t) => !t.hedged), false);
  assert.equal(sub('On 3 July 2025, Al Shabaab took control over Jowhar town (Jowhar, Middle Shabelle) from government security forces (SNA). There were no clashes. Al Shabaab claimed responsibility.'), 'Non-violent transfer of territory');
  assert.equal(sub('On 16 November 2025, government security forces (SNA) took control over Jowhar town (Jowhar, Middle Shabelle) from Al Shabaab. No clash was reported.'), 'Non-violent transfer of territory');
  assert.equal(sub('On 16 November 2025, government security forces (SNA) took control over Jowhar town (Jowhar, Middle Shabelle) from Al Shabaab.'), 'Government regains territory');
});
