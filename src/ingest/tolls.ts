// Casualty figures -> tolls per side and per claimant. "201 Taliban and 23 soldiers" is two tolls, each with the party
// its dead belong to; civilians are a toll of their own; each claimant's account stays apart. The event's
// `fatalities` (one range over everything) is still computed by tally.ts; this keeps what that sum hides.
import type { ActorTable } from './actors.js';
import { findActors } from './actors.js';
import { ownedFigures } from './tally.js';
import type { Actor, ActorMention, Casualty, Range } from './types.js';

export interface Toll {
  /** The party the dead and wounded belong to, when the text or the claimant says. */
  readonly actor?: Actor;
  /** The side word the text uses when no actor is known ("militants", "malian"). */
  readonly side?: string;
  readonly civilian?: true;
  readonly killed: Range | null;
  readonly injured: Range | null;
  /** Who gives the figures: a speaker, or the outlet when the article states them. */
  readonly claimant: string;
}

export interface VictimContext {
  readonly table: ActorTable;
  /** The article's own country (ISO 3166-1): unmarked troops are its troops when nobody else claims them. */
  readonly home?: string;
}

const BARE_FORCE = /\b(?:soldiers?|troops|servicem[ae]n|personnel|security\s+forces|sepoys?|jawans?|commandos?|policem[ae]n|police|officers?|guards?|recruits|cadets)\b/i;
const OWN = /\b(?:its|their|our|his|her)\b/i;
const STATE_KINDS = new Set(['state', 'state_force', 'media_wing', 'ministry', 'person']);

/** Names looked up in the alias table, remembered per table: the same claimants and groups recur in every article. */
const seen = new WeakMap<ActorTable, Map<string, ActorMention | null>>();
function firstActor(text: string, table: ActorTable): ActorMention | null {
  let memo = seen.get(table);
  if (!memo) seen.set(table, (memo = new Map()));
  const hit = memo.get(text);
  if (hit !== undefined) return hit;
  const m = findActors(text, table)[0] ?? null;
  if (memo.size > 10_000) memo.clear();
  memo.set(text, m);
  return m;
}

/** The party a claimant speaks for: a spokesman speaks for his state's forces, a group for itself. */
function claimantParty(by: string, ctx: VictimContext): Actor | undefined {
  const hit = firstActor(by, ctx.table);
  if (!hit) return undefined;
  const a = hit.actor;
  if (a.country && STATE_KINDS.has(a.kind) && a.side !== 'mediator') return ctx.table.states.forces(a.country);
  return a.kind === 'armed_group' ? a : undefined;
}

/**
 * The party a figure's victims belong to: named in the victims' words ("Taliban", "Pakistani soldiers", "fighters
 * of the Rapid Support Forces"), the claimant's own ("its fighters"; "23 soldiers" in the army's account), or the
 * article's country's forces for unmarked troops. Civilians and unmarked "militants" or "people" belong to nobody.
 * @example victimActor({ group: 'Taliban', … }, ctx)?.name // 'Afghan Taliban'
 */
export function victimActor(c: Casualty, ctx: VictimContext): Actor | undefined {
  const group = c.group ?? '';
  if (!group || c.victims === 'civilian') return undefined;
  const named = firstActor(group, ctx.table);
  if (named) return named.force ?? named.actor;
  if (OWN.test(group)) return claimantParty(c.by, ctx);
  if (!BARE_FORCE.test(group)) return undefined;
  const own = c.attributed ? claimantParty(c.by, ctx) : undefined;
  if (own && own.kind === 'state_force') return own;
  return ctx.home ? ctx.table.states.forces(ctx.home) : undefined;
}

function larger(a: Range | null, b: Range): Range {
  return !a || b.max > a.max || (b.max === a.max && b.open && !a.open) ? b : a;
}

/**
 * One toll per claimant and party (or civilians, or nobody in particular), killed and injured apart. Within one
 * claimant, repeated figures for the same party are the same dead ("23 soldiers", "23 Pakistani soldiers"): the
 * largest stands.
 * @example tollsOf([201 Taliban killed (ISPR), 23 soldiers killed (ISPR)]) // two tolls, both ISPR's
 */
export function tollsOf(cs: readonly Casualty[]): Toll[] {
  const byKey = new Map<string, { actor?: Actor; side?: string; civilian?: true; killed: Range | null; injured: Range | null; claimant: string }>();
  for (const c of ownedFigures(cs)) {
    const party = c.victims === 'civilian' ? 'civilian' : c.actor ? `actor:${c.actor.id}` : c.side ? `side:${c.side}` : '';
    const key = `${c.by}|${party}`;
    let t = byKey.get(key);
    if (!t) {
      t = { claimant: c.by, killed: null, injured: null, ...(c.victims === 'civilian' ? { civilian: true as const } : {}), ...(c.actor ? { actor: c.actor } : !c.actor && c.side && c.victims !== 'civilian' ? { side: c.side } : {}) };
      byKey.set(key, t);
    }
    if (c.kind === 'killed') t.killed = larger(t.killed, c.range);
    else t.injured = larger(t.injured, c.range);
  }
  return [...byKey.values()];
}
