// One input -> the articles in it: plain text (headline, header, dateline), an HTML page, or every item of a feed.
// Metadata comes from, in order: what the caller stated, the page's meta tags or the feed, the header block, the
// dateline. What is missing is said in the article's notes, never made up.
import { parseFeed } from './feed.js';
import { extractHtml } from './html-article.js';
import { MAX_MARKUP_DEPTH, nestedDeeperThan } from './markup-depth.js';
import { parseTextHeader } from './dateline.js';
import type { Article, ArticleInput, InputError } from './types.js';
import { cleanText, parseStampDay } from './text.js';

export const MAX_TEXT_CHARS = 400_000;

export interface ArticlesResult {
  readonly articles: Article[];
  readonly errors: InputError[];
}

/** Drops paragraphs seen before: scraped pages and pasted dumps repeat blocks, which would repeat events. */
function dedupeParagraphs(text: string): { text: string; dropped: number } {
  const seen = new Set<string>();
  const kept: string[] = [];
  let dropped = 0;
  for (const p of text.split(/\n\s*\n/)) {
    const key = p.trim().toLowerCase();
    if (key.length > 40 && seen.has(key)) dropped++;
    else { seen.add(key); kept.push(p); }
  }
  return { text: kept.join('\n\n'), dropped };
}

function fromText(id: string, raw: string, input: ArticleInput, hint: { title?: string; source?: string; published?: string | null; from?: Article['publishedFrom'] }): Article | InputError {
  const notes: string[] = [];
  const deduped = dedupeParagraphs(cleanText(raw));
  const text = deduped.text;
  if (deduped.dropped) notes.push(`${deduped.dropped} repeated paragraph${deduped.dropped === 1 ? '' : 's'} dropped`);
  const header = parseTextHeader(text);
  const body = header.body || text;
  if (body.replace(/\s+/g, '').length < 20) return { input: id, code: 'no_text', message: 'no article text found' };
  const stated = parseStampDay(input.published);
  let published: string | null = stated ?? hint.published ?? header.published;
  let publishedFrom: Article['publishedFrom'] = stated ? 'input' : hint.published ? (hint.from ?? 'meta') : header.published ? 'text' : 'none';
  if (!published && header.dateline?.date) publishedFrom = 'dateline'; // the year is settled by the pipeline
  if (publishedFrom === 'none') notes.push('no publication date stated; a window is inferred from the dates the text mentions');
  if (text.length > MAX_TEXT_CHARS) notes.push(`text cut to ${MAX_TEXT_CHARS} characters`);
  const source = input.source ?? (hint.source || header.source || header.dateline?.agency || '');
  if (!source) notes.push('no source named');
  published = published ?? null;
  return {
    id, source: source || 'unknown source', title: input.title ?? (hint.title || header.title || body.split('\n')[0]!.slice(0, 120)),
    published, publishedFrom, text: body.slice(0, MAX_TEXT_CHARS), notes,
    ...(input.url ? { url: input.url } : {}),
    ...(header.dateline ? { dateline: { place: header.dateline.place, ...(header.dateline.region ? { region: header.dateline.region } : {}), ...(header.dateline.agency ? { agency: header.dateline.agency } : {}) } } : {}),
    ...(header.dateline?.date && !published ? { datelineDate: header.dateline.date } : {}),
  };
}

const isError = (x: Article | InputError): x is InputError => 'code' in x;

/**
 * The articles one input holds.
 * @example toArticles({ id: 'a.txt', text: 'Headline\nDawn\n\nISLAMABAD: Two people were killed…' })
 */
export function toArticles(input: ArticleInput, index = 0): ArticlesResult {
  const id = input.id ?? `input-${index + 1}`;
  const one = (r: Article | InputError): ArticlesResult => (isError(r) ? { articles: [], errors: [r] } : { articles: [r], errors: [] });
  const tooDeep = (): ArticlesResult => ({ articles: [], errors: [{ input: id, code: 'too_deep', message: `elements nested deeper than ${MAX_MARKUP_DEPTH}: not read` }] });
  if (input.feed !== undefined) {
    if (nestedDeeperThan(input.feed, MAX_MARKUP_DEPTH, true)) return tooDeep();
    const feed = parseFeed(input.feed);
    if ('error' in feed) return { articles: [], errors: [{ input: id, code: 'bad_feed', message: feed.error }] };
    if (feed.items.length === 0) return { articles: [], errors: [{ input: id, code: 'empty', message: 'the feed has no items' }] };
    const out: ArticlesResult = { articles: [], errors: [] };
    for (const item of feed.items) {
      const r = fromText(`${id}#${item.index}`, `${item.title}\n\n${item.text}`, { ...input, url: item.link || input.url }, { title: item.title, source: input.source ?? feed.title, published: item.published, from: 'feed' });
      if (isError(r)) out.errors.push(r);
      else out.articles.push(r);
    }
    return out;
  }
  if (input.html !== undefined) {
    if (nestedDeeperThan(input.html)) return tooDeep();
    let page;
    try {
      page = extractHtml(input.html);
    } catch (e) {
      return { articles: [], errors: [{ input: id, code: 'unreadable', message: `HTML could not be read: ${(e as Error).message}` }] };
    }
    if (page.text.replace(/\s+/g, '').length < 20) return { articles: [], errors: [{ input: id, code: 'no_text', message: 'the page has no readable article text' }] };
    const r = fromText(id, `${page.title}\n\n${page.text}`, input, { title: page.title, source: page.source, published: page.published, from: 'meta' });
    return one(isError(r) ? r : { ...r, notes: [...r.notes, ...page.notes] });
  }
  if (input.text !== undefined) return one(fromText(id, input.text, input, {}));
  return { articles: [], errors: [{ input: id, code: 'empty', message: 'the input has no text, html or feed' }] };
}
