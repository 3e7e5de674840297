// One Arabic-script sentence -> what the English stages find in an English one: event cues, actors, attributions
// and casualty figures, through this folder's keyword tables. analyze.ts calls it in place of the English rules
// when an article is in Urdu, Pashto, Dari/Persian or Arabic; dates and places are read by the shared stages.
import type { ActorTable } from '../actors.js';
import type { TypedTrigger } from '../event-type.js';
import type { ActorMention, Casualty, Claim, DateMention } from '../types.js';
import { arabicScriptActors, findArabicScriptActors } from './actors.js';
import { isArabicScriptAggregate } from './aggregate.js';
import { findArabicScriptCasualties } from './casualties.js';
import { findArabicScriptClaims } from './claims.js';
import { classifyArabicScript } from './cues.js';
import type { ArabicScriptLanguage } from './languages.js';

export interface ArabicScriptSentence {
  readonly types: TypedTrigger[];
  readonly actors: ActorMention[];
  readonly claims: Claim[];
  readonly casualties: Casualty[];
}

const STATE_KINDS = new Set(['state', 'state_force', 'media_wing', 'ministry', 'person']);

/**
 * Reads one sentence of an Arabic-script article.
 * @example readArabicScriptSentence('آئی ایس پی آر کے مطابق دو فوجی شہید ہو گئے۔', 2, { lang: 'ur', table: actorTable(), source: 'Dawn', dates: [] })
 */
export function readArabicScriptSentence(text: string, index: number, ctx: { lang: ArabicScriptLanguage; table: ActorTable; source: string; dates: readonly DateMention[]; home?: string; pakistanTaliban?: boolean }): ArabicScriptSentence {
  const actors = findArabicScriptActors(text, arabicScriptActors(ctx.table), ctx.home, { pakistanTaliban: ctx.pakistanTaliban ?? false });
  const claims = findArabicScriptClaims(text, index, actors, ctx.lang);
  const st = ctx.table.states;
  const speaker = claims[0]?.speakerId ? ctx.table.actors.get(claims[0].speakerId) : undefined;
  // "23 soldiers" in the army's (or its government's) account are its own; else the article's country's
  const ownForces = speaker?.country && STATE_KINDS.has(speaker.kind) && speaker.side !== 'mediator' ? st.forces(speaker.country) : ctx.home ? st.forces(ctx.home) : undefined;
  const casualties = findArabicScriptCasualties(text, {
    lang: ctx.lang, by: claims[0]?.speaker ?? ctx.source, attributed: claims.length > 0,
    dateSpans: ctx.dates.map((d) => [d.index, d.index + d.text.length] as const), actors, ...(ownForces ? { ownForces } : {}),
  });
  // with two accounts in one sentence, each figure is the account's named just before it
  const owned = claims.length < 2 ? casualties : casualties.map((c) => ({ ...c, by: (claims.filter((x) => (x.span?.[0] ?? 0) <= (c.index ?? 0)).at(-1) ?? claims[0]!).speaker }));
  const types = classifyArabicScript(text, ctx.lang);
  // a toll over a year, weeks or the whole country is no incident's, nor is the sentence an incident's report
  if (owned.length && isArabicScriptAggregate(text, ctx.lang)) return { types: types.filter((t) => t.kind !== 'incident'), actors, claims, casualties: [] };
  return { types, actors, claims, casualties: owned };
}
