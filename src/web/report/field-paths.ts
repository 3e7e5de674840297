// Where a report body's paths live in the report form: the label an error summary shows for a path, and the id of
// the input that focus moves to. Shared by every form built from the report form's field groups.
import { t, tEnum } from '../i18n/index.js';

const LABELLED = new Set(['when.start', 'when.end', 'when', 'where.place', 'where.country', 'where.lat', 'where.lon', 'where.admin1', 'where', 'event_type', 'sub_event_type', 'narrative', 'clauses', 'accused']);

export function labelOf(path: string): string {
  if (LABELLED.has(path)) return tEnum('rfField', path);
  const row = /^(actors|sources)\.(\d+)\.?(\w*)/.exec(path);
  if (row) return `${t('rf.row', { kind: row[1], n: Number(row[2]) + 1 })}${row[3] ? `: ${tEnum('rfRow', row[3])}` : ''}`;
  const c = /^casualties\.(killed|injured)/.exec(path);
  if (c) return t(c[1] === 'killed' ? 'rf.killed' : 'rf.injured');
  return path;
}

export function fieldIdOf(path: string): string {
  if (path === 'when') return 'rf-when-start';
  if (path === 'where') return 'rf-where-lat';
  const c = /^casualties\.(killed|injured)(?:\.\w+)?(?:\.(min|best|max))?/.exec(path);
  if (c) return `rf-casualties-${c[1]}-${c[2] ?? 'min'}`;
  const row = /^(actors|sources)\.(\d+)(?:\.(\w+))?/.exec(path);
  if (row) return `rf-${row[1]}-${row[2]}-${row[3] ?? (row[1] === 'actors' ? 'name' : 'title')}`;
  return `rf-${path.replace(/\./g, '-')}`;
}
