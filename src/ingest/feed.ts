// RSS 2.0 and Atom feeds -> one article per item. The feed is attacker-controlled: it is validated first,
// documents that declare entities (the "billion laughs" expansion) are refused, and item counts are bounded.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { extractHtml } from './html-article.js';
import { cleanText, parseStampDay } from './text.js';

export interface FeedItem {
  readonly index: number;
  readonly title: string;
  readonly text: string;
  readonly link: string;
  readonly published: string | null;
}

export interface Feed {
  readonly title: string;
  readonly items: FeedItem[];
}

export const MAX_FEED_ITEMS = 500;

type Node = Record<string, unknown>;
const asArray = (x: unknown): unknown[] => (x === undefined || x === null ? [] : Array.isArray(x) ? x : [x]);

/** The text of a node that may be a string, a number or {'#text': ...} with attributes. */
function str(x: unknown): string {
  if (typeof x === 'string') return x;
  if (typeof x === 'number') return String(x);
  if (x && typeof x === 'object' && '#text' in x) return str((x as Node)['#text']);
  return '';
}

/** Item bodies are often escaped HTML; a cheap check avoids parsing plain text as a page. */
function bodyText(raw: string): string {
  if (!/<[a-z][^>]*>/i.test(raw)) return cleanText(raw);
  return extractHtml(`<html><body>${raw}</body></html>`).text;
}

function atomLink(x: unknown): string {
  for (const l of asArray(x)) {
    if (typeof l === 'string') return l;
    const n = l as Node;
    if (!n['@_rel'] || n['@_rel'] === 'alternate') return str(n['@_href']);
  }
  return '';
}

/** Parses a feed, or returns the reason it cannot be read. */
export function parseFeed(xml: string): Feed | { error: string } {
  if (/<!ENTITY/i.test(xml)) return { error: 'the feed declares XML entities, which are refused' };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { error: `malformed XML at line ${valid.err.line}: ${valid.err.msg}` };
  const doc = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: true, cdataPropName: false }).parse(xml) as Node;
  const rss = doc['rss'] as Node | undefined;
  const rdf = doc['rdf:RDF'] as Node | undefined;
  const atom = doc['feed'] as Node | undefined;
  if (rss || rdf) {
    const channel = ((rss ? rss['channel'] : rdf?.['channel']) ?? {}) as Node;
    const rawItems = asArray(channel['item'] ?? rdf?.['item']);
    const items = rawItems.slice(0, MAX_FEED_ITEMS).map((it, index) => {
      const n = (it ?? {}) as Node;
      const body = str(n['content:encoded']) || str(n['description']);
      return { index, title: cleanText(str(n['title'])), text: bodyText(body), link: str(n['link']) || str(n['guid']), published: parseStampDay(str(n['pubDate']) || str(n['dc:date'])) };
    });
    return { title: cleanText(str(channel['title'])), items };
  }
  if (atom) {
    const items = asArray(atom['entry']).slice(0, MAX_FEED_ITEMS).map((e, index) => {
      const n = (e ?? {}) as Node;
      const body = str(n['content']) || str(n['summary']);
      return { index, title: cleanText(str(n['title'])), text: bodyText(body), link: atomLink(n['link']), published: parseStampDay(str(n['published']) || str(n['updated'])) };
    });
    return { title: cleanText(str(atom['title'])), items };
  }
  return { error: 'not an RSS or Atom feed (no <rss>, <rdf:RDF> or <feed> root)' };
}
