import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { TruceError } from '../../domain/errors.js';
import { auditMechanism } from '../../services/audit.js';
import { computeReport, reportHtml } from '../../services/public-report.js';
import { REPORT_LOCALES, isReportLocale } from '../../report/messages.js';
import { announceServer, serverOption } from '../server-option.js';
import { httpSource } from './verify.js';

/** A real calendar day: 2025-02-30 parses in some engines, so the date must print back as itself. */
const isDay = (d: string): boolean => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(t) && new Date(t).toISOString().startsWith(d);
};

interface ReportOptions {
  from: string;
  to: string;
  lang: string;
  out?: string;
  json?: boolean;
  server?: string;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description("the mechanism's public report of a period, recomputed on this machine from the verified log (HTML, or JSON with --json)")
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD')
    .option('--lang <locale>', `language of the HTML (${REPORT_LOCALES.join(', ')})`, 'en')
    .option('--out <file>', 'write here instead of stdout')
    .option('--json', 'the report as JSON, with the sha256 a mediator signs in report.publish')
    .addOption(serverOption())
    .action(async (opts: ReportOptions) => {
      if (!isDay(opts.from) || !isDay(opts.to)) throw new TruceError('bad_request', '--from and --to are real dates, YYYY-MM-DD');
      if (opts.from > opts.to) throw new TruceError('bad_request', `--from ${opts.from} is after --to ${opts.to}`);
      if (!isReportLocale(opts.lang)) throw new TruceError('bad_request', `--lang is one of ${REPORT_LOCALES.join(', ')}`);
      const server = announceServer(opts.server, 'verifying the log of');
      const showProgress = process.stderr.isTTY;
      // The report is computed from a state rebuilt here from the tiles, never taken from the server's word.
      const source = httpSource(server);
      let checkpoint = '';
      const audit = await auditMechanism({ ...source, checkpoint: async () => (checkpoint = await source.checkpoint()) }, { projections: false, onProgress: (p) => showProgress && process.stderr.write(`\r${p.phase}: ${p.done}/${p.total}   `) });
      if (showProgress) process.stderr.write('\r\x1b[K');
      if (!audit.ok || !audit.state) {
        const failed = audit.checks.filter((c) => !c.ok && !c.warning).map((c) => `${c.name}: ${c.detail}`);
        throw new TruceError('invalid_state', `the log does not verify, so no report is made (${failed.join('; ')})`);
      }
      const computed = computeReport(audit.state, { from: opts.from, to: opts.to });
      const text = opts.json
        ? JSON.stringify({ ...computed, origin: audit.origin, root: audit.root, checkpoint }, null, 2) + '\n'
        : await reportHtml(audit.state, computed, { locale: opts.lang, origin: audit.origin, checkpoint, server });
      if (opts.out) {
        await writeFile(opts.out, text);
        process.stderr.write(`truce: wrote the report of ${opts.from} to ${opts.to} (log size ${audit.size}, sha256 ${computed.sha256}) to ${opts.out}\n`);
      } else process.stdout.write(text);
    });
}
