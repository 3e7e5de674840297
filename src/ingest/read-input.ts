// Reads what the user named on the command line into ArticleInputs: files, folders, `-` for stdin.
// Everything read here is attacker-controlled (articles scraped from anywhere), so sizes are bounded before
// anything is parsed, binary content is refused, and each bad input becomes one InputError while the rest go on.
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { ArticleInput, InputError } from './types.js';
import iconv from 'iconv-lite';

/** 2 MiB: a long article's page with its boilerplate is well under 1 MiB; more is a dump, not an article. */
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

export interface ReadResult {
  readonly inputs: ArticleInput[];
  readonly errors: InputError[];
}

export type ContentKind = 'text' | 'html' | 'feed';

/** Sniffs what a document is from its first bytes, not its name. */
export function detectKind(content: string): ContentKind {
  const head = content.slice(0, 2048).replace(/^\ufeff/, '').trimStart().toLowerCase();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:rdf)[\s>]/.test(head)) return 'feed';
  if (/^<\?xml/.test(head) && /<(rss|feed)[\s>]/.test(content.slice(0, 8192).toLowerCase())) return 'feed';
  if (/^<!doctype html|^<html[\s>]|<(body|article|p|div|head)[\s>]/.test(head)) return 'html';
  return 'text';
}

/** True when the bytes are not text: NUL bytes or many control characters in the first 8 KiB. */
export function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  return n > 0 && control / n > 0.02;
}

/** The charset a page or feed declares in its first bytes: `<meta charset>`, `http-equiv` Content-Type, `<?xml encoding?>`. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * Decodes a document: a byte-order mark or the charset it declares first (windows-1256, koi8-r, shift_jis…), then
 * UTF-8, then Windows-1252 for legacy pages that are not valid UTF-8. iconv-lite does the decoding: Node 20's own
 * TextDecoder reads "windows-1252" as Latin-1 and loses its quotes and dashes.
 */
export function decode(bytes: Uint8Array): string {
  const declared = declaredCharset(bytes);
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (declared && !hasBom && !/^utf-?8$/.test(declared) && iconv.encodingExists(declared)) return iconv.decode(buf, declared);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(buf, 'windows-1252');
  }
}

/** Turns one document's bytes into an ArticleInput, or says why it cannot. */
export function inputFromBytes(id: string, bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): ArticleInput | InputError {
  if (bytes.length > maxBytes) return { input: id, code: 'too_large', message: `${bytes.length} bytes, over the limit of ${maxBytes}` };
  if (bytes.length === 0) return { input: id, code: 'empty', message: 'the file is empty' };
  if (isBinary(bytes)) return { input: id, code: 'binary', message: 'binary content, not text, HTML or a feed' };
  const content = decode(bytes);
  if (content.trim() === '') return { input: id, code: 'empty', message: 'only whitespace' };
  const kind = detectKind(content);
  if (kind === 'feed') return { id, feed: content };
  if (kind === 'html') return { id, html: content };
  return { id, text: content };
}

export function isInputError(x: ArticleInput | InputError): x is InputError {
  return 'code' in x && 'message' in x;
}

const SKIP_IN_FOLDERS = new Set(['.json', '.md5', '.sha256']);

async function expandFolder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await readdir(dir)).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    const s = await stat(path);
    if (s.isDirectory()) out.push(...(await expandFolder(path)));
    else if (s.isFile() && !SKIP_IN_FOLDERS.has(extname(name).toLowerCase())) out.push(path);
  }
  return out;
}

async function readStdin(stdin: NodeJS.ReadableStream, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    total += b.length;
    if (total > maxBytes + 1) break; // stop reading: the size check below refuses it
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

export interface ReadOptions {
  readonly maxBytes?: number;
  readonly stdin?: NodeJS.ReadableStream;
}

/**
 * Reads files, folders (recursively, sorted; .json and hidden files skipped) and `-` (stdin).
 * @example const { inputs, errors } = await readInputs(['news/', '-']);
 */
export async function readInputs(names: readonly string[], opts: ReadOptions = {}): Promise<ReadResult> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const inputs: ArticleInput[] = [];
  const errors: InputError[] = [];
  const push = (r: ArticleInput | InputError): void => void (isInputError(r) ? errors.push(r) : inputs.push(r));
  for (const name of names) {
    if (name === '-') {
      push(inputFromBytes('stdin', await readStdin(opts.stdin ?? process.stdin, maxBytes), maxBytes));
      continue;
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(name)) {
      errors.push({ input: name, code: 'url_offline', message: 'URLs are not fetched (this build works offline): save the page or feed and pass the file' });
      continue;
    }
    try {
      const s = await stat(name);
      const files = s.isDirectory() ? await expandFolder(name) : [name];
      if (s.isDirectory() && files.length === 0) errors.push({ input: name, code: 'empty', message: 'the folder holds no articles' });
      for (const file of files) {
        const size = (await stat(file)).size;
        if (size > maxBytes) push({ input: file, code: 'too_large', message: `${size} bytes, over the limit of ${maxBytes}` });
        else push(inputFromBytes(file, new Uint8Array(await readFile(file)), maxBytes));
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not_found' : 'unreadable';
      errors.push({ input: name, code, message: code === 'not_found' ? 'no such file or folder' : `cannot read ${basename(name)}: ${(e as Error).message}` });
    }
  }
  return { inputs, errors };
}
