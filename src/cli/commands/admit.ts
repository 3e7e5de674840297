import { readStrictJson } from '../read-json.js';
import type { Command } from 'commander';
import { readFile, writeFile } from 'node:fs/promises';
import { TruceError } from '../../domain/errors.js';
import { toBase64 } from '../../domain/encoding.js';
import { ROLES } from '../../domain/roles.js';
import { admissionMessage, checkPop, keyFingerprint, signAdmission } from '../../domain/records/admission.js';
import { readKeyFile } from '../../services/key-file.js';
import { baseUrl, getJson } from '../http.js';

// Proof of possession and consent, by hand (docs/decisions.md "Nobody speaks for another"): the new member makes an
// admission request signed by its own key; each side that must consent countersigns the same file after comparing the
// key's fingerprint; the operator then submits it with `truce submit member.admit @file`.

interface MechanismOpts {
  readonly mechanism?: string;
  readonly server: string;
}

async function mechanismId(opts: MechanismOpts): Promise<string> {
  if (opts.mechanism) return opts.mechanism;
  const info = await getJson<{ origin: string }>(`${baseUrl(opts.server)}/v1/log`);
  return info.origin.replace(/^truce\//, '');
}

async function readRequest(path: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new TruceError('bad_request', `${path} is not an admission request: ${(e as Error).message}`);
  }
  const body = readStrictJson(text, path);
  if (body && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>;
  throw new TruceError('bad_request', `${path} is not an admission request (a JSON object)`);
}

async function output(body: Record<string, unknown>, out: string | undefined): Promise<void> {
  const text = JSON.stringify(body, null, 2) + '\n';
  if (out) await writeFile(out, text);
  else process.stdout.write(text);
}

const withMechanism = (c: Command) =>
  c.option('--mechanism <id>', 'the mechanism id (default: read from the server)').option('--server <url>', 'the Truce server', 'http://127.0.0.1:8080');

export function registerAdmit(program: Command): void {
  const admit = program.command('admit').description('admission requests: proof of possession of a new key, and the consent of its side');

  withMechanism(admit.command('request'))
    .description('a member.admit body signed by the new member\'s own key (its proof of possession)')
    .requiredOption('--key <file>', 'the NEW member\'s key file (truce keygen)')
    .requiredOption('--name <name>', 'the member\'s name as the log shows it')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`)
    .option('--side <side>', 'for a party: the side it speaks for (default: the member id)')
    .option('--out <file>', 'write the request here (default: stdout)')
    .action(async (opts: MechanismOpts & { key: string; name: string; role: string; side?: string; out?: string }) => {
      if (!(ROLES as readonly string[]).includes(opts.role)) throw new TruceError('bad_request', `--role must be one of ${ROLES.join(', ')}`);
      const key = await readKeyFile(opts.key);
      const fields = { member: key.member, name: opts.name, role: opts.role, key: toBase64(key.publicKey), ...(opts.side ? { side: opts.side } : {}) };
      await output(await signAdmission(await mechanismId(opts), 'member.admit', fields, key.sign), opts.out);
      process.stderr.write(`fingerprint of ${key.member}'s key: ${keyFingerprint(key.publicKey)}\ncompare it at the table before anyone consents\n`);
    });

  withMechanism(admit.command('consent'))
    .description('countersign an admission request as a member of the side that must consent (checks its proof of possession first)')
    .argument('<file>', 'the admission request; the consent is added to it in place')
    .requiredOption('--key <file>', 'your own key file')
    .requiredOption('--fingerprint <fp>', 'the fingerprint you were shown at the table for the new key (refused if it differs)')
    .action(async (file: string, opts: MechanismOpts & { key: string; fingerprint: string }) => {
      const body = await readRequest(file);
      const mechanism = await mechanismId(opts);
      const pop = checkPop(admissionMessage(mechanism, 'member.admit', body), String(body.key), typeof body.pop === 'string' ? body.pop : undefined, `${String(body.member)}`);
      if (!pop.ok) throw TruceError.from(pop);
      const fingerprint = keyFingerprint(String(body.key));
      if (fingerprint.replaceAll(' ', '') !== opts.fingerprint.replaceAll(' ', '').toLowerCase()) {
        throw new TruceError('forbidden', `the request's key has fingerprint ${fingerprint}, not the one you were shown: do not consent`);
      }
      const key = await readKeyFile(opts.key);
      const signer = { member: key.member, key: toBase64(key.publicKey), sign: key.sign };
      await output(await signAdmission(mechanism, 'member.admit', body, null, [signer]), file);
      process.stdout.write(`${key.member} consents to admitting ${String(body.member)} (${String(body.role)}), key ${fingerprint}\n`);
    });

  withMechanism(admit.command('key'))
    .description('a key.add body for a new key of a member, signed by the new key (its proof of possession)')
    .requiredOption('--key <file>', 'the NEW key file')
    .option('--member <id>', 'the member the key is for (default: the key file\'s member)')
    .option('--out <file>', 'write the body here (default: stdout)')
    .action(async (opts: MechanismOpts & { key: string; member?: string; out?: string }) => {
      const key = await readKeyFile(opts.key);
      const member = opts.member ?? key.member;
      await output(await signAdmission(await mechanismId(opts), 'key.add', { key: toBase64(key.publicKey), member }, key.sign), opts.out);
      process.stderr.write(`fingerprint of the new key: ${keyFingerprint(key.publicKey)}\n`);
    });
}
