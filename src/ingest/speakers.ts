// A speaker phrase as the text writes it -> who is speaking. A person the alias table knows comes out under their
// name with their role; an unknown person under the name the text gives ("Political analyst Wahidullah Ghazikhel");
// a body the table knows under its name (ISPR, the Foreign Office, "Pakistani officials"); anyone else as the
// article describes them, in one form: no article, the institution first ("a spokesman for the Kandahar police"
// is "Kandahar police spokesman", "residents of Kunar" are "Kunar residents").
import type { ActorTable } from './actors.js';
import { findActors } from './actors.js';
import type { Actor } from './types.js';

export interface Speaker {
  readonly speaker: string;
  readonly speakerId?: string;
  readonly role?: string;
  /** "they": officials, residents, sources; "he"/"she": a person or one official. */
  readonly plural: boolean;
  /** A body (ministry, army, group, government) rather than a person. */
  readonly body: boolean;
}

const ROLE_WORD = /\b(?:spokes(?:man|woman|person)|minister|chief|commander|governor|president|general|official|officer|leader|head|director|ambassador|envoy|analyst|resident|coordinator|administrator|secretary|adviser|advisor|doctor|witness|member|diplomat|source|correspondent|shopkeeper|trader|elder|villager)s?\b/i;
const BODY_WORD = /\b(?:ministry|office|army|military|forces|police|government|administration|authorities|command|council|network|organi[sz]ation|agency|service|committee|wing|department|media|delegation|group|statement|board|mission|embassy|hospital|emirate|movement|front)\b/i;
const PLURAL = /\b(?:officials|sources|residents|witnesses|villagers|elders|doctors|medics|authorities|leaders|members|diplomats|analysts|traders|people|families|police|forces|troops|relatives|survivors|groups|workers|activists)\b/i;
const NOT_NAME = /^(?:The|A|An|This|That|These|Those|It|He|She|They|We|Our|His|Her|Their|Its|In|On|At|For|With|From|After|Before|When|While|According|Local|Security|Government|Military|Police|Officials?|Sources?|Residents?|Army|Ministry|Office|Forces|State|National|Defence|Defense|Foreign|Interior|Health|Information|District|Provincial|Deputy|Commissioner|Levies|Islamic|Emirate|Taliban|Afghan|Pakistani|Indian|Thai|Cambodian|Russian|Ukrainian|Turkish|Qatari|Western|Political|Senior|Former|Second|Region|Council|Network|Command|Service|Organization|Organisation|United|Nations|Director-General|Doctors?|Sudan|Sudanese|World|International|Public|Relations|Inter-Services|Central|Air|Force|City|Administration|Emergency)$/;

const TITLE_WORD = /^(?:Minister|Prime|President|Vice|Chief|Deputy|Commissioner|Director|Director-General|Spokes(?:man|woman|person)|Commander|General|Governor|Ambassador|Secretary|Mayor|Mir|Lt\.?|Gen\.?|Field|Marshal|Admiral|Senator|Speaker|Foreign|Defence|Defense|Interior|Information|Health)$/;

/** A person's name at the end of a phrase: two to five capitalised words ("Abdel Fattah al-Burhan"). */
function trailingName(phrase: string, isPlace: (s: string) => boolean): string | null {
  const m = /((?:\p{Lu}[\p{L}'’.-]*|al-\p{L}+|bin|bint|ibn|de|van|von)(?:\s+(?:\p{Lu}[\p{L}'’-]*|al-\p{L}+|bin|bint|ibn|de|van|von)){0,4})$/u.exec(phrase.trim());
  if (!m) return null;
  const words = m[1]!.split(/\s+/).filter((w) => !/^(?:Lt\.?|Gen\.?|Maj\.?|Col\.?|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|General|Lieutenant|Major|Colonel|Brigadier|Captain)$/.test(w));
  // titles, acronyms and a nationality before a title ("Malaysian Prime Minister Anwar Ibrahim") are not the name
  const nationality = (i: number): boolean => /^\p{Lu}\p{L}+(?:ian|ese|ish|i|an)$/u.test(words[i] ?? '') && TITLE_WORD.test(words[i + 1] ?? '');
  while (words.length && (NOT_NAME.test(words[0]!) || TITLE_WORD.test(words[0]!) || /^[A-Z]{2,}$/.test(words[0]!) || nationality(0))) words.shift();
  if (words.length === 0 || words.some((w) => NOT_NAME.test(w) || /^[A-Z]{2,}$/.test(w))) return null;
  const name = words.join(' ');
  if (words.length === 1 && phrase.trim() !== name) return null;
  if (isPlace(name) || /['’]s$/.test(name)) return null;
  return name;
}

/** The one form anonymous sources take: no article, the institution or place first. */
export function describe(phrase: string): string {
  let p = phrase.replace(/^(?:the|a|an|one|some|two|several|other)\s+/i, '').replace(/\s+/g, ' ').trim();
  // a common noun that opens the sentence is still a common noun ("Residents of Kabul")
  p = p.replace(/^(\p{Lu})(?=\p{Ll}+(?:['’]s?)?\s+(?:of|for|in|at|from)\b)/u, (c) => c.toLowerCase()).replace(/^(Residents?|Officials?|Sources?|Witnesses|Villagers|Doctors|Members?|Traders['’]?|Elders|Relatives|Shopkeepers?|Local|Security)\b/, (w) => w.toLowerCase());
  p = p.replace(/\s*,?\s+(?:who|which|reached|speaking|quoted|cited)\b.*$/i, '').replace(/\s+in\s+(?:Islamabad|Kabul|Istanbul|Doha|Delhi|New\s+Delhi|Washington|Bangkok|Phnom\s+Penh)$/i, '');
  // "spokesman for the Kandahar police", "residents of Kunar", "member of the Afghan delegation", "sources in the Pakistani delegation"
  const moved = /^([a-z][\p{L}'’ -]*?)\s+(?:of|for|from|in\s+the|at\s+the)\s+(?:the\s+)?(.+)$/u.exec(p);
  if (moved && !/^(?:one|some|most|many|all|each|both|none)$/i.test(moved[1]!)) p = `${moved[2]!.replace(/['’]s\b.*$/, '')} ${moved[1]}`;
  // "district administration in Chaman", "traders' leaders in Chaman"
  const placed = /^([a-z][\p{L}'’ -]*?)\s+in\s+(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?)$/u.exec(p);
  if (placed && !/\b(?:sources?|diplomats?|officials?)$/i.test(placed[1]!)) p = `${placed[2]} ${placed[1]}`;
  return p.replace(/^(\p{Ll})/u, (c) => c);
}

function roleOf(phrase: string, taken: string): string | undefined {
  const rest = phrase.replace(taken, ' ').replace(/^[\s,]*(?:the|a|an)\s+/i, '').replace(/^[\s,]+|[\s,]+$/g, '').replace(/\s+/g, ' ').replace(/['’]s$/, '').trim();
  return rest && rest.split(' ').length <= 10 ? rest : undefined;
}

/**
 * Who a speaker phrase names.
 * @example resolveSpeaker('Taliban spokesman Zabihullah Mujahid', actorTable(), () => false).speaker // 'Zabihullah Mujahid'
 */
export function resolveSpeaker(raw: string, table: ActorTable, isPlace: (s: string) => boolean): Speaker {
  const phrase = raw.replace(/\s+/g, ' ').replace(/^[\s,]+|[\s,.]+$/g, '').replace(/\s*\((?:[A-Z]{2,6})\)/g, '');
  const mentions = findActors(phrase, table);
  const person = mentions.find((m) => m.actor.kind === 'person' && m.actor.known);
  if (person) return { speaker: person.actor.name, speakerId: person.actor.id, ...withRole(person.actor.role ?? roleOf(phrase, person.text)), plural: false, body: false };
  // "Mujahid said", "says Tarar": a surname alone, for a person the table knows
  if (/^\p{Lu}[\p{L}'’-]+$/u.test(phrase)) {
    const known = [...table.actors.values()].find((a) => a.kind === 'person' && [a.name, ...a.aliases].some((x) => x.endsWith(` ${phrase}`)));
    if (known) return { speaker: known.name, speakerId: known.id, ...withRole(known.role), plural: false, body: false };
  }
  // "Abdul Rahim, a resident"; "Pakistan's military spokesman, Lt. Gen. Ahmed Sharif Chaudhry"
  const parts = phrase.split(/\s*,\s*/).filter(Boolean);
  for (const part of parts) {
    const name = trailingName(part, isPlace);
    if (name && (parts.length > 1 || part !== name || name.includes(' '))) {
      const role = parts.length > 1 ? parts.filter((x) => x !== part).join(', ').replace(/^(?:the|a|an)\s+/i, '') : roleOf(part, name)?.replace(/\b(?:Lt\.?|Gen\.?)\s*$/, '').trim();
      return { speaker: name, ...withRole(role || undefined), plural: false, body: false };
    }
  }
  const body = mentions.find((m) => m.actor.known || m.actor.kind === 'armed_group') ?? mentions[0];
  if (body && !(mentions.length > 1 && /\band\b/.test(phrase))) return fromActor(body.actor, phrase, body.text);
  const speaker = describe(parts[0] ?? phrase);
  return { speaker, plural: PLURAL.test(speaker), body: BODY_WORD.test(speaker) && !ROLE_WORD.test(speaker.split(' ').at(-1) ?? '') };
}

function withRole(role: string | undefined): { role?: string } {
  return role ? { role } : {};
}

function fromActor(a: Actor, phrase: string, text: string): Speaker {
  const role = roleOf(phrase, text);
  const person = role ? ROLE_WORD.test(role) && !PLURAL.test(role) : false;
  return { speaker: a.name, speakerId: a.id, ...withRole(role), plural: !person && PLURAL.test(phrase), body: !person };
}
