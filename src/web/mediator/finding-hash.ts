// What a mediator signs when concurring or dissenting: the finding's hash, SHA-256 of the JCS of the finding.propose
// body exactly as the log holds it. It is computed here from the statement the log serves, not taken on the server's
// word: the statement must be the finding (its leaf hash is the finding's id) before its body is hashed.
import { canonicalBytes } from '../../domain/jcs.js';
import { contentHash } from '../../domain/records/fields.js';
import { statementId } from '../../domain/statement.js';
import { getJson, query } from '../api/http.js';
import type { FindingView, Page, StatementItem } from '../api/types.js';
import { t } from '../i18n/index.js';

/**
 * The hash a finding.sign covers, from GET /v1/statements?from=<index>&limit=1.
 * Throws when the log's statement at the finding's index is not that finding, or when the server's view disagrees.
 */
export async function findingHashFromLog(f: FindingView, signal?: AbortSignal): Promise<string> {
  const page = await getJson<Page<StatementItem>>(`/v1/statements${query({ from: f.ref.index, limit: 1 })}`, signal);
  const item = page.items[0];
  if (!item || item.index !== f.ref.index) throw new Error(t('findingHash.none', { index: f.ref.index }));
  const id = statementId(canonicalBytes(item.statement));
  if (id !== f.id) throw new Error(t('findingHash.otherId', { index: f.ref.index, id, finding: f.id }));
  if (item.statement.type !== 'finding.propose') throw new Error(t('findingHash.otherType', { index: f.ref.index, type: item.statement.type }));
  const hash = contentHash(item.statement.body);
  if (hash !== f.hash) throw new Error(t('findingHash.differs', { hash, server: f.hash }));
  return hash;
}
