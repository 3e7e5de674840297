// Article HTML and feeds are attacker-controlled: a page of a million nested <div>s makes linkedom and Readability
// recurse until the stack overflows, after many seconds of work. Their nesting is measured first, with htmlparser2's
// tokenizer (the one linkedom uses), stopping at the first element past the limit, so a hostile page costs
// milliseconds to refuse.
import { Parser } from 'htmlparser2';

/** Deepest element nesting read; real news pages and feeds stay well under 100. */
export const MAX_MARKUP_DEPTH = 256;

class TooDeep extends Error {}

/**
 * Whether the markup nests elements deeper than `max` (implied closes follow the HTML rules, or XML's in xmlMode).
 * @example nestedDeeperThan('<div><div></div></div>', 1) // true
 */
export function nestedDeeperThan(markup: string, max = MAX_MARKUP_DEPTH, xmlMode = false): boolean {
  let depth = 0;
  const parser = new Parser(
    {
      onopentag() {
        if (++depth > max) throw new TooDeep();
      },
      onclosetag() {
        depth--;
      },
    },
    { xmlMode },
  );
  try {
    parser.write(markup);
    parser.end();
    return false;
  } catch (error) {
    if (error instanceof TooDeep) return true;
    throw error;
  }
}
