// Seal the protected parts of a report body in this browser, before it is signed: the server never sees them.
import { sealField } from '../../domain/seal/hpke.js';
import type { SealedField } from '../../domain/seal/sealed.js';
import type { MemberInfo } from '../api/types.js';
import type { SealedDraft } from '../report/sealed-fields.js';
import { audienceLabel, recipientsOf } from './audience.js';
import { t } from '../i18n/index.js';

const round1 = (x: number): number => Math.round(x * 10) / 10;

/** The body with its sealed fields added (and the public position coarsened), or why it cannot be sealed. */
export async function sealReport(body: Record<string, unknown>, draft: SealedDraft, members: ReadonlyMap<string, MemberInfo>): Promise<Record<string, unknown>> {
  const where = body.where as { lat?: number; lon?: number; geo_precision?: number } | undefined;
  const position = draft.sealPosition && where?.lat !== undefined && where.lon !== undefined;
  if (!draft.text.trim() && !position) return body;
  const to = recipientsOf(draft.audience, members);
  if ('missing' in to) throw new Error(t('field.seal.cannot', { audience: audienceLabel(draft.audience, members), missing: to.missing.join(t('list.separator')) }));
  const sealed: SealedField[] = [];
  if (draft.text.trim()) sealed.push(await sealField('/protected', draft.text.trim(), to.keys));
  let out = body;
  if (position && where) {
    sealed.push(await sealField('/where/exact', { lat: where.lat, lon: where.lon }, to.keys));
    out = { ...body, where: { ...where, lat: round1(where.lat!), lon: round1(where.lon!), geo_precision: Math.max(2, where.geo_precision ?? 1) } };
  }
  return { ...out, sealed };
}
