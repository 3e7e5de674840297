// Small text helpers shared by the stages: folding for lookups, whitespace and punctuation normalisation.

/** Lower case, no diacritics, one kind of dash and apostrophe, single spaces: the key for every name lookup. */
export function fold(s: string): string {
  // fast path for plain ASCII, which is most of what is looked up: printable characters only, so the only space is
  // " "; with no backtick and no leading, trailing or double space, folding is lower-casing
  let ascii = true;
  let upper = false;
  let plain = true;
  let space = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) { ascii = false; break; }
    if (c >= 0x41 && c <= 0x5a) upper = true;
    else if (c === 0x60 || (c === 0x20 && space)) plain = false;
    space = c === 0x20;
  }
  if (ascii && plain && !space) return upper ? s.toLowerCase() : s;
  if (ascii) return s.replace(/`/g, "'").toLowerCase().replace(/\s+/g, ' ').trim();
  const out = s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  return /[\u0600-\u06ff]/.test(out) ? foldArabic(out) : out;
}

/**
 * Arabic script spelled one way: Arabic and Persian forms of yeh, kaf and heh alike, no vowel marks, hamza seats,
 * tatweel or zero-width non-joiner (Persian writes "قندهار" where Arabic writes "قندهار" with another kaf or yeh).
 */
function foldArabic(s: string): string {
  return s
    .replace(/[\u064b-\u065f\u0670\u0640\u200c\u200d]/g, '')
    .replace(/[\u064a\u0649\u06d2\u06d0]/g, '\u06cc')
    .replace(/[\u0643\u06aa]/g, '\u06a9')
    .replace(/[\u0629\u06c1\u06c0\u06be]/g, '\u0647')
    .replace(/[\u0623\u0625\u0622\u0671]/g, '\u0627')
    .replace(/\u0624/g, '\u0648')
    .replace(/\u0626/g, '\u06cc');
}

const UPPER = /^\p{Lu}/u;
/**
 * Whether a word starts with an upper-case letter (\p{Lu}): ASCII is answered from the character code, without the
 * regular expression (the stages ask it of every word of every sentence).
 */
export function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER.test(s);
}

/** Text as the stages expect it: no control characters, normalised spaces, paragraphs kept as blank lines. */
export function cleanText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function slug(s: string): string {
  return fold(s).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'x';
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** ISO day (YYYY-MM-DD) of a Date in UTC. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return isoDay(d);
}

export function dayDiff(a: string, b: string): number {
  return Math.round((dayStart(b) - dayStart(a)) / 86_400_000);
}

// the same few days are compared again and again (clustering compares every pair of mentions): each day is
// parsed once
const starts = new Map<string, number>();
function dayStart(day: string): number {
  let t = starts.get(day);
  if (t === undefined) {
    if (starts.size > 10_000) starts.clear();
    starts.set(day, (t = Date.parse(`${day}T00:00:00Z`)));
  }
  return t;
}

/** Parses a date string a feed, a meta tag or a caller gave (RFC 3339, RFC 822, YYYY-MM-DD) into YYYY-MM-DD. */
export function parseStampDay(s: string | undefined | null): string | null {
  if (!s) return null;
  const t = s.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const ms = Date.parse(t);
  if (!Number.isFinite(ms)) return null;
  // A stamp with an explicit offset ("Fri, 07 Nov 2025 23:30:00 +0500") names the local day; keep it.
  const rfc = /(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})/.exec(t);
  if (rfc) {
    const local = Date.parse(`${rfc[1]} ${rfc[2]} ${rfc[3]} 00:00:00 UTC`);
    if (Number.isFinite(local)) return isoDay(new Date(local));
  }
  return isoDay(new Date(ms));
}
