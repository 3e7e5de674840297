import type { Handler } from '../handler.js';
import { addKey, admitMember, revokeKey } from './members.js';

/** Every statement type's handler; a type without one is refused. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const HANDLERS: readonly Handler<any>[] = [admitMember, addKey, revokeKey];
