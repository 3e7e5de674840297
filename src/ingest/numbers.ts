// Numbers as news copy writes them: digits ("1,200"), words ("twenty-three", "two hundred"), and "a dozen".

const UNITS: Record<string, number> = {
  zero: 0, a: 1, an: 1, one: 1, single: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  dozen: 12, couple: 2, pair: 2, twin: 2, both: 2,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };

const WORD = `(?:${[...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES)].filter((w) => w.length > 1 || w === 'a').join('|')})`;
/** A number in digits or words, as a regular-expression source (no capture groups). */
export const NUMBER_SRC = `(?:\\d{1,3}(?:,\\d{3})+|\\d+|${WORD}(?:[ -](?:and[ -])?${WORD})*)`;

/** The value of a number written in digits or words; null when it is not one. */
export function parseNumber(s: string): number | null {
  const t = s.trim().toLowerCase().replace(/,(?=\d{3}\b)/g, '');
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  const words = t.split(/[\s-]+/).filter((w) => w && w !== 'and' && w !== 'of');
  if (words.length === 0) return null;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of words) {
    if (w in UNITS) {
      const v = UNITS[w] ?? 0;
      // "a dozen" is 12, not 1 + 12
      current = w === 'dozen' ? (current || 1) * 12 : current + v;
    } else if (w in TENS) current += TENS[w] ?? 0;
    else if (w in SCALES) {
      const scale = SCALES[w] ?? 1;
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
    } else return null;
    seen = true;
  }
  return seen ? total + current : null;
}
