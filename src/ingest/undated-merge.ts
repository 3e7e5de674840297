// An incident the text never dates, merged into the dated one it goes back to (extractMentions, events.ts).
import type { AnalyzedSentence } from './analyze.js';
import { incidentFamily } from './cues.js';
import { ANOTHER, COARSE, nearPlaces, uniq, type Mention } from './mention.js';
import { combineCasualties } from './tally.js';

/**
 * An incident the text never dates ("the note denounces the massacre of 14 fishermen") is the article's dated
 * incident of the same kind and place ("the 29 October massacre"), unless it is said to be another one: a story
 * goes back to its incident in other words, and an undated aside is no incident of its own.
 */
export function mergeUndated(out: Mention[], sentences: readonly AnalyzedSentence[]): void {
  const text = new Map(sentences.map((s) => [s.index, s.text]));
  for (const m of [...out]) {
    if (m.kind !== 'incident' || m.when || m.sentences.some((i) => ANOTHER.test(text.get(i) ?? ''))) continue;
    const killed = (x: Mention): number | null => combineCasualties(x.casualties).killed?.max ?? null;
    // (of another kind too when it goes on the paragraph of a dated incident, the nearest before it: "… engaged them in
    // an armed clash in Gal-haruur village. The operation was supported by airstrikes … At least 20 militants were
    // killed" tells one clash, its support and its toll, not an air strike of its own)
    const paragraph = (x: Mention): number | undefined => sentences.find((s) => s.index === x.sentences[0])?.paragraph;
    const before = out.filter((t) => t.kind === 'incident' && t.when && (t.sentences.at(-1) ?? Infinity) < (m.sentences[0] ?? -1)).at(-1);
    const goesOn = (t: Mention): boolean => t === before && paragraph(t) !== undefined && paragraph(t) === paragraph(m);
    const target = out.find((t) => t !== m && t.kind === 'incident' && t.when && !COARSE.has(t.when.precision) && nearPlaces(t.where, m.where) &&
      (incidentFamily(t.subEventType, t.eventType) === incidentFamily(m.subEventType, m.eventType) || t.weak || m.weak || goesOn(t)) &&
      (killed(t) === null || killed(m) === null || killed(t) === killed(m)));
    if (!target) continue;
    if (target.weak && !m.weak) Object.assign(target, { eventType: m.eventType, subEventType: m.subEventType, weak: false });
    target.where = uniq([...target.where, ...m.where]);
    target.actors = uniq([...target.actors, ...m.actors]);
    target.perpetrators = uniq([...target.perpetrators, ...m.perpetrators]);
    target.casualties.push(...m.casualties.filter((c) => !target.casualties.some((x) => x.kind === c.kind && x.range.max === c.range.max)));
    for (const c of m.claims) if (!target.claims.includes(c)) target.claims.push(c);
    target.sentences = [...new Set([...target.sentences, ...m.sentences])].sort((a, b) => a - b);
    for (const k of ['where', 'actors', 'fatalities', 'injured'] as const) target.trace[k].push(...m.trace[k]);
    out.splice(out.indexOf(m), 1);
  }
}
