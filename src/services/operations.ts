import { EventEmitter } from 'node:events';
import { pino, type Logger } from 'pino';
import type { ErrorCode } from '../domain/errors.js';
import type { StoredCheckpoint } from '../store/store.js';

/** What a running mechanism tells the operator's tools (metrics, logs) as it happens. */
export interface MechanismEventMap {
  /** A batch of statements was durably committed. */
  committed: [count: number];
  /** A submission was refused, with the rule it broke. */
  refused: [code: ErrorCode];
  checkpoint: [checkpoint: StoredCheckpoint];
  cosigned: [witness: string, size: number];
  ingested: [articles: number, candidates: number];
  evidence: [bytes: number];
}

export type MechanismEvents = EventEmitter<MechanismEventMap>;

/** The few failures that put the log's integrity at risk: each wakes someone up (logged at fatal, shown in the UI). */
export type AlertCode =
  | 'checkpoint_conflict' // the store already holds a different signed tree of the same size
  | 'log_write_failed' // a commit failed: the sequencer refuses everything until a restart
  | 'state_folder_damaged'; // a read of the state folder found damage: a restart rebuilds the state from the log

export interface Alert {
  readonly code: AlertCode;
  readonly message: string;
  /** When it was first raised, and how often since (a failure repeated each second is one alert). */
  readonly firstAt: string;
  readonly lastAt: string;
  readonly count: number;
}

const KEPT = 20;

/** Integrity alerts since this process started: each distinct one logged once at fatal, all of them listed. */
export class Alerts {
  private readonly items: Alert[] = [];

  constructor(private readonly logger: Logger) {}

  raise(code: AlertCode, message: string, context: Record<string, unknown> = {}): void {
    const now = new Date().toISOString();
    const index = this.items.findIndex((a) => a.code === code && a.message === message);
    const existing = this.items[index];
    if (existing) {
      this.items[index] = { ...existing, lastAt: now, count: existing.count + 1 };
      return;
    }
    this.logger.fatal({ alert: code, ...context }, message);
    this.items.push({ code, message, firstAt: now, lastAt: now, count: 1 });
    if (this.items.length > KEPT) this.items.shift();
  }

  list(): readonly Alert[] {
    return [...this.items];
  }
}

/** A logger that writes nothing: tests and library use, where no one asked for logs. */
export const silentLogger = (): Logger => pino({ level: 'silent' });
