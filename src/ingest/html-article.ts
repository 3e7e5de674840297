// HTML page -> the article's main text and its metadata. The page is attacker-controlled: it is parsed by
// linkedom (no scripts run, no resources load), its size was bounded by the caller, and a page that Readability
// cannot make sense of falls back to the visible text of <body> rather than failing.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { cleanText, parseStampDay } from './text.js';

export interface HtmlArticle {
  readonly title: string;
  readonly text: string;
  readonly source: string;
  readonly published: string | null;
  readonly byline: string;
  readonly notes: string[];
}

type Doc = ReturnType<typeof parseHTML>['document'];

/** Each meta tag's content by its property, name and itemprop: the first tag in the page for each value. */
type MetaIndex = readonly [ReadonlyMap<string, string | null>, ReadonlyMap<string, string | null>, ReadonlyMap<string, string | null>];

/** One pass over the page's meta tags, instead of three selector queries over the whole page for every key. */
function metaIndex(doc: Doc): MetaIndex {
  const index = [new Map<string, string | null>(), new Map<string, string | null>(), new Map<string, string | null>()] as const;
  for (const el of doc.querySelectorAll('meta')) {
    ['property', 'name', 'itemprop'].forEach((attr, i) => {
      const v = el.getAttribute(attr);
      if (v !== null && !index[i]!.has(v)) index[i]!.set(v, el.getAttribute('content'));
    });
  }
  return index;
}

/** The first key a meta tag gives content for: by property, else name, else itemprop (the first such tag, as `meta[property="k"]` finds it). */
function meta([byProperty, byName, byItemprop]: MetaIndex, ...keys: string[]): string {
  for (const k of keys) {
    const v = byProperty.has(k) ? byProperty.get(k) : byName.has(k) ? byName.get(k) : byItemprop.get(k);
    if (v && v.trim()) return v.trim();
  }
  return '';
}

/** datePublished (or dateCreated) from JSON-LD blocks, which news sites use for schema.org NewsArticle. */
function jsonLdDate(doc: Doc): string {
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const raw = s.textContent ?? '';
    if (raw.length > 200_000) continue;
    const m = /"date(?:Published|Created)"\s*:\s*"([^"]{6,40})"/.exec(raw);
    if (m?.[1]) return m[1];
  }
  return '';
}

const BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'TD', 'FIGCAPTION', 'DT', 'DD']);

/** Visible text with a blank line between blocks, so paragraphs survive for the sentence splitter. */
export function blockText(root: { childNodes: ArrayLike<unknown> }): string {
  const out: string[] = [];
  let line = '';
  const walk = (node: { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<unknown> }): void => {
    if (node.nodeType === 3) {
      line += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (name === 'SCRIPT' || name === 'STYLE' || name === 'NOSCRIPT' || name === 'TEMPLATE') return;
    const block = BLOCKS.has(name) || name === 'DIV' || name === 'SECTION' || name === 'ARTICLE' || name === 'BR' || name === 'HEADER' || name === 'TR';
    if (block && line.trim()) { out.push(line.trim()); line = ''; }
    for (const c of Array.from(node.childNodes)) walk(c as typeof node);
    if (block && line.trim()) { out.push(line.trim()); line = ''; }
  };
  for (const c of Array.from(root.childNodes)) walk(c as Parameters<typeof walk>[0]);
  if (line.trim()) out.push(line.trim());
  return cleanText(out.join('\n\n'));
}

/** The visible text of HTML the parser cannot structure: scripts, comments and tags removed, paragraphs kept. */
export function stripTags(html: string): string {
  const body = html
    .replace(/<(script|style|noscript|title|head)[^>]*>[\s\S]*?(<\/\1>|$)/gi, ' ')
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    .replace(/<(p|div|br|h[1-6]|li|tr|article|section|footer|nav)\b[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>?/g, ' ');
  const { document } = parseHTML(`<html><body><pre>${body.replace(/</g, '&lt;')}</pre></body></html>`);
  const text = (document.body?.textContent ?? '').replace(/[\ufffd]+/g, ' ').replace(/\b\S*[ÃÂâ€]\S*/g, ' ');
  return cleanText(text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p.length > 30 && /[a-z]{3}/.test(p)).join('\n\n'));
}

/**
 * Extracts the main text and metadata of a news page.
 * @example extractHtml('<html><head><meta property="og:site_name" content="Dawn"></head><body><p>…</p></body></html>')
 */
export function extractHtml(html: string): HtmlArticle {
  const notes: string[] = [];
  // linkedom builds no document element for some inputs with no element at all ("", "<![CDATA[") and then throws on
  // document.head: hostile or broken pages reach here, so such a page is read as the text inside an empty body.
  let { document } = parseHTML(html);
  const whole = Boolean(document.documentElement);
  const asText = (): Doc => parseHTML(`<html><body><pre>${html.replace(/[<&]/g, (c) => (c === '<' ? '&lt;' : '&amp;'))}</pre></body></html>`).document;
  if (!whole) document = asText();
  const metas = metaIndex(document);
  const published =
    meta(metas, 'article:published_time', 'og:published_time', 'datePublished', 'pubdate', 'publishdate', 'date', 'dc.date', 'DC.date.issued', 'sailthru.date', 'parsely-pub-date') ||
    jsonLdDate(document) ||
    (document.querySelector('time[datetime]')?.getAttribute('datetime') ?? '');
  const source = meta(metas, 'og:site_name', 'application-name', 'publisher', 'twitter:site').replace(/^@/, '');
  const metaTitle = meta(metas, 'og:title', 'twitter:title') || (document.querySelector('title')?.textContent ?? '').trim();
  const byline = meta(metas, 'author', 'article:author');
  let title = metaTitle;
  let text = '';
  /** Whether `document` is still the page as parsed (Readability has not mutated it). */
  let read = true;
  try {
    // Readability mutates the document it reads: it gets the one the metadata was read from (a page is parsed once
    // for both), and the visible-text fallback below parses the page again when it is needed (a short main text).
    if (whole) read = false;
    const parsed = new Readability((whole ? document : parseHTML(html).document) as unknown as Document, { charThreshold: 200 }).parse();
    if (parsed?.content) {
      text = blockText(parseHTML(`<html><body>${parsed.content}</body></html>`).document.body);
      title = title || (parsed.title ?? '');
    }
  } catch {
    notes.push('Readability could not read this page; used the visible text');
  }
  if (text.length < 200) {
    if (!read) {
      // parsed again as it was (Readability changed it); a page linkedom then gives no root is read as text
      document = parseHTML(html).document;
      if (!document.documentElement) document = asText();
    }
    const body = document.body ?? document.documentElement;
    const fallback = body ? blockText(body) : '';
    if (fallback.length > text.length) {
      if (text) notes.push('main text was short; used the visible text');
      text = fallback;
    }
  }
  if (text.length < 200) {
    // A page too broken for the parser (an unclosed <title> swallows the whole body): strip the tags instead, and
    // trust none of its metadata.
    const stripped = stripTags(html);
    if (stripped.length > text.length + 100) {
      notes.push('the page is malformed: its text was recovered by stripping tags, and its metadata is not trusted');
      return { title: cleanText((title.split(/[<\n]/)[0] ?? '').trim()), text: stripped, source: '', published: null, byline: '', notes };
    }
  }
  const h1 = document.querySelector('h1')?.textContent?.trim() ?? '';
  return { title: cleanText(title || h1), text, source, published: parseStampDay(published), byline, notes };
}
