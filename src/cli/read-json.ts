// JSON a user hands the CLI (a statement body, an admission request), read as strictly as the server reads a
// statement: JSON.parse would keep the last of two equal keys and the CLI would then sign a value the file does not
// plainly say, so a repeated key is refused, named by its path (found on the syntax tree of @humanwhocodes/momoa);
// `__proto__`, control characters, lone surrogates and excessive depth are refused as the server refuses them.
import { parse as parseTree, type ValueNode } from '@humanwhocodes/momoa';
import { TruceError } from '../domain/errors.js';
import { parseStrictJson } from '../domain/strict-json.js';

/** The first key repeated in one object, as a path ("/where/lat"), or null. */
function repeatedKey(root: ValueNode): string | null {
  const stack: [ValueNode, string][] = [[root, '']];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (node.type === 'Object') {
      const seen = new Set<string>();
      for (const member of node.members) {
        const key = member.name.type === 'String' ? member.name.value : member.name.name;
        if (seen.has(key)) return `${path}/${key}`;
        seen.add(key);
        stack.push([member.value, `${path}/${key}`]);
      }
    } else if (node.type === 'Array') {
      node.elements.forEach((element, i) => stack.push([element.value, `${path}/${i}`]));
    }
  }
  return null;
}

/**
 * The value of JSON text, or a TruceError (bad_request) that says what is wrong with it, `what` naming the input.
 * @example readStrictJson('{"a":1,"a":2}', 'the body') // throws: the body repeats the key /a
 */
export function readStrictJson(text: string, what: string): unknown {
  // The strict parse first: it bounds the depth before the syntax tree is built.
  const parsed = parseStrictJson(text);
  if (!parsed.ok) throw new TruceError('bad_request', `${what} is not acceptable JSON: ${parsed.detail}`);
  const repeated = repeatedKey(parseTree(text).body);
  if (repeated) throw new TruceError('bad_request', `${what} repeats the key ${repeated}: say each field once`);
  return parsed.value;
}
