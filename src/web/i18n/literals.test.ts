// No words in the UI's source outside the catalogs: text between JSX tags, user-facing attributes (title,
// aria-label, placeholder, alt, label...), string literals rendered as children, and the messages of errors thrown
// in the UI (they are shown to the reader). Codes, class names, keys and URLs carry no words a reader sees.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const WEB = fileURLToPath(new URL('..', import.meta.url));
/** Attributes a reader sees or hears. */
const SHOWN_ATTRIBUTES = new Set(['title', 'aria-label', 'aria-description', 'aria-valuetext', 'placeholder', 'alt', 'label', 'what', 'hint', 'legend', 'summary', 'empty', 'help', 'confirm', 'submitLabel']);
/** Files not yet moved to the catalogs; the list only shrinks (a listed file with no literal left fails too). */
const PENDING = new Set<string>([
]);
const WORDS = /\p{L}{2,}/u;
/** A web address or its scheme (a placeholder such as "https://") is not a word to translate. */
const URL_ONLY = /^[`'"][a-z]+:\/\/\S*[`'"]$/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'i18n' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** A string literal whose value a reader would see: inside JSX content or a shown attribute, or a thrown Error's message. */
function shownLiteral(node: ts.Node): boolean {
  let child = node;
  for (let p = node.parent; p; child = p, p = p.parent) {
    if (ts.isCallExpression(p) && p.arguments.includes(child as ts.Expression)) return false;
    if (ts.isNewExpression(p)) return ts.isIdentifier(p.expression) && p.expression.text === 'Error' && p.arguments?.[0] === child;
    if (ts.isBinaryExpression(p) && p.operatorToken.kind !== ts.SyntaxKind.PlusToken && p.operatorToken.kind !== ts.SyntaxKind.QuestionQuestionToken && p.operatorToken.kind !== ts.SyntaxKind.BarBarToken) return false;
    if (ts.isElementAccessExpression(p) || ts.isCaseClause(p) || ts.isPropertyAssignment(p) && p.name === child) return false;
    if (ts.isJsxAttribute(p)) return SHOWN_ATTRIBUTES.has(p.name.getText());
    if (ts.isJsxExpression(p) && p.parent && (ts.isJsxElement(p.parent) || ts.isJsxFragment(p.parent))) return true;
    if (ts.isJsxElement(p) || ts.isJsxSelfClosingElement(p) || ts.isFunctionLike(p)) return false;
  }
  return false;
}

function literalsIn(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const line = () => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    if (ts.isJsxText(node) && WORDS.test(node.text)) found.push(`${line()}: ${node.text.trim()}`);
    else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) && WORDS.test(node.getText(source).replace(/\$\{[^}]*\}/g, '')) && !URL_ONLY.test(node.getText(source)) && shownLiteral(node)) {
      found.push(`${line()}: ${node.getText(source)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test('the UI source has no user-visible words outside the message catalogs', () => {
  const offenders: string[] = [];
  const stale: string[] = [];
  for (const file of sources(WEB)) {
    const name = relative(WEB, file);
    const found = literalsIn(file);
    if (PENDING.has(name)) {
      if (found.length === 0) stale.push(name);
    } else offenders.push(...found.map((f) => `src/web/${name}:${f}`));
  }
  assert.deepEqual(offenders, [], 'words to move into src/web/i18n/catalogs (t("key"))');
  assert.deepEqual(stale, [], 'files now clean: take them off PENDING');
});

test('the scan finds words where a reader would see them', () => {
  const source = `export const A = () => <p title="Shown title">Plain words <b>{'quoted words'}</b> {ok ? 'Yes indeed' : t('k')}</p>;
export const B = () => <div class="no words here" data-x={k === 'some value' ? 1 : 2}>{t('key.name')}</div>;
export function c() { throw new Error('Something failed'); }`;
  const file = ts.createSourceFile('probe.tsx', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const hits: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) hits.push(node.text.trim());
    else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && WORDS.test(node.text) && shownLiteral(node)) hits.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  assert.deepEqual(hits, ['Shown title', 'Plain words', 'quoted words', 'Yes indeed', 'Something failed']);
});
