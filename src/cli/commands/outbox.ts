import type { Command } from 'commander';
import { DEFAULT_LATE_LIMIT_MS } from '../../domain/clock.js';
import { TruceError } from '../../domain/errors.js';
import { EXIT } from '../exit-codes.js';
import { announceServer, serverOption } from '../server-option.js';
import { type Answer, type OutboxItem, readAnswers, readOutbox, writeAnswers } from './outbox-folder.js';
import { type Sent, batchesOf, sendBatch } from './submit-batch.js';

/** The item as --json prints it (no bytes). */
const shown = (i: OutboxItem) => ({
  file: i.file,
  id: i.id ?? null,
  type: i.statement?.type ?? null,
  by: i.statement?.by ?? null,
  at: i.statement?.at ?? null,
  state: i.state,
  ...(i.index !== undefined ? { index: i.index } : {}),
  ...(i.reason !== undefined ? { code: i.code, reason: i.reason } : {}),
});

/** A signed statement older than the default late limit will be refused; say so before anyone relies on it. */
function lateNote(i: OutboxItem, now: number): string {
  if (i.state !== 'signed' || !i.statement) return '';
  const age = now - Date.parse(i.statement.at);
  const hours = Math.floor(age / 3_600_000);
  if (age > DEFAULT_LATE_LIMIT_MS) return `  (signed ${hours} h ago: past the ${DEFAULT_LATE_LIMIT_MS / 3_600_000} h a log accepts by default)`;
  return hours >= 1 ? `  (signed ${hours} h ago)` : '';
}

function line(i: OutboxItem, now: number): string {
  const what = i.statement ? `${i.statement.type} by ${i.statement.by}, signed ${i.statement.at}` : '(not a statement)';
  const where = i.state === 'sent' && i.index !== undefined ? `  log #${i.index}` : '';
  const why = i.state === 'refused' ? `  refused: ${i.reason}` : '';
  return `${i.state.padEnd(8)} ${i.file}  ${what}${where}${why}${lateNote(i, now)}`;
}

/**
 * What the outbox keeps of the server's answer for one statement of a batch; null when the server could not write it
 * (unavailable, internal: it stays signed, to be sent again). A replay means the log already has these exact bytes
 * (an earlier answer was lost).
 */
function answerOf(result: Sent, server: string): Answer | null {
  const now = new Date().toISOString();
  if (result.ok) return { state: 'sent', index: result.index, sentAt: now, server };
  const e = result.error;
  if (e.code === 'unavailable' || e.code === 'internal') return null;
  if (e.code === 'replay') return { state: 'sent', sentAt: now, server };
  return { state: 'refused', code: e.code, reason: e.message, refusedAt: now, server };
}

export function registerOutbox(program: Command): void {
  const outbox = program
    .command('outbox')
    .description('a folder of statements signed without a network: where each stands, and send what the log has not got');

  outbox
    .command('list', { isDefault: true })
    .description('list the signed statements in a folder: signed (not sent yet), sent (in the log), refused (and why); reads no network')
    .argument('<dir>', 'the outbox folder (one signed statement per .json file, e.g. from `truce submit --dry-run`)')
    .option('--json', 'print JSON')
    .action(async (dir: string, opts: { json?: boolean }) => {
      const items = await readOutbox(dir);
      const now = Date.now();
      if (opts.json) process.stdout.write(JSON.stringify({ items: items.map(shown) }) + '\n');
      else process.stdout.write(items.length ? items.map((i) => line(i, now)).join('\n') + '\n' : `no statement in ${dir}\n`);
    });

  outbox
    .command('send')
    .description('send, oldest first, every signed statement the log has not got; safe to run again (exit 1 if one was refused, 3 if the server cannot be reached)')
    .argument('<dir>', 'the outbox folder')
    .addOption(serverOption())
    .option('--retry-refused', 'send again the statements the server refused before (e.g. a reply refused because its report had not arrived yet)')
    .option('--json', 'print JSON')
    .action(async (dir: string, opts: { server?: string; retryRefused?: boolean; json?: boolean }) => {
      const items = await readOutbox(dir);
      const answers = { ...(await readAnswers(dir)) };
      const due = items.filter((i) => i.bytes && (i.state === 'signed' || (opts.retryRefused && i.state === 'refused')));
      const server = due.length ? announceServer(opts.server, `sending ${due.length} statement(s) to`) : '';
      const results: { file: string; id: string; answer: Answer }[] = [];
      let unreachable: TruceError | undefined;
      // In order, as many to a request as the batch route takes (each still checked alone, in the order given, so a
      // reply after its report in the same batch finds it); the answers are written after each request.
      for (const batch of batchesOf(due, (i) => i.bytes!)) {
        let sent: Sent[];
        try {
          sent = await sendBatch(server, batch.map((i) => i.bytes!));
        } catch (e) {
          // No network (again), or the request refused whole (429): stop here, keep the rest signed.
          unreachable = e instanceof TruceError ? e : new TruceError('unavailable', (e as Error).message);
          break;
        }
        for (const [k, item] of batch.entries()) {
          const answer = answerOf(sent[k]!, server);
          if (answer === null) {
            unreachable ??= (sent[k] as { error: TruceError }).error;
            continue;
          }
          answers[item.id!] = answer;
          results.push({ file: item.file, id: item.id!, answer });
        }
        await writeAnswers(dir, answers);
        if (unreachable) break;
      }
      const refused = results.filter((r) => r.answer.state === 'refused').length;
      if (opts.json) {
        process.stdout.write(JSON.stringify({ sent: results.filter((r) => r.answer.state === 'sent').length, refused, waiting: due.length - results.length, results }) + '\n');
      } else {
        for (const r of results) {
          const a = r.answer;
          process.stdout.write(a.state === 'sent' ? `sent     ${r.file}${a.index !== undefined ? `  log #${a.index}` : '  (the log already had it)'}\n` : `refused  ${r.file}  ${a.reason}\n`);
        }
        if (due.length === 0) process.stdout.write(`nothing to send in ${dir}\n`);
      }
      if (unreachable) throw new TruceError('unavailable', `${unreachable.message}; ${due.length - results.length} statement(s) still waiting in ${dir}`);
      if (refused > 0) process.exitCode = EXIT.failed;
    });
}
