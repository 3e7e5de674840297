import { errorText } from '../api/error-text.js';
import { ApiError } from '../api/http.js';
import type { OutboxItem } from './outbox-db.js';

/**
 * The server's reason for refusing an outbox item, in the reader's language when its code is known (the server words
 * refusals in English; English readers keep its more precise sentence).
 * @example refusalText({ reason: '"at" is 96 h before the server\'s clock…', code: 'clock_skew' })
 */
export const refusalText = (i: Pick<OutboxItem, 'reason' | 'code'>): string => (i.code ? errorText(new ApiError(400, '', i.reason ?? '', i.code)) : (i.reason ?? ''));
