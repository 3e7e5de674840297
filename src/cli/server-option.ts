import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Option } from 'commander';
import { TruceError } from '../domain/errors.js';
import { baseUrl } from './http.js';

export const DEFAULT_SERVER = 'http://127.0.0.1:8080';

/** The config file a party's machine keeps: {"server": "https://truce.example.org"}. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.TRUCE_CONFIG ?? join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'truce', 'config.json');
}

export interface ResolvedServer {
  readonly url: string;
  /** Where the URL came from, said to the user so nobody sends a statement to a server they did not mean. */
  readonly from: string;
}

/**
 * The server a command talks to: --server, else $TRUCE_SERVER, else the config file's "server", else the local default.
 * @example resolveServer(undefined, { TRUCE_SERVER: 'https://truce.example.org' }) // { url: 'https://truce.example.org', from: '$TRUCE_SERVER' }
 */
export function resolveServer(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): ResolvedServer {
  if (flag) return { url: baseUrl(flag), from: '--server' };
  if (env.TRUCE_SERVER) return { url: baseUrl(env.TRUCE_SERVER), from: '$TRUCE_SERVER' };
  const path = configPath(env);
  const server = readConfigServer(path);
  if (server) return { url: baseUrl(server), from: path };
  return { url: DEFAULT_SERVER, from: 'the default' };
}

function readConfigServer(path: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined; // no config file: the environment or the default decides
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch (e) {
    throw new TruceError('bad_request', `${path} is not JSON: ${(e as Error).message}`);
  }
  const server = (config as { server?: unknown } | null)?.server;
  if (server === undefined) return undefined;
  if (typeof server !== 'string') throw new TruceError('bad_request', `${path}: "server" must be a URL string`);
  return server;
}

/** The --server option every client command shares; its default is resolved at run time, not at definition. */
export function serverOption(): Option {
  return new Option('--server <url>', `the Truce server (default: $TRUCE_SERVER, else "server" in ${configPath()}, else ${DEFAULT_SERVER})`);
}

/**
 * Resolve; when the server was not named on the command line, say on stderr which one and why (stdout stays clean for
 * --json), so nobody sends a statement to a server they did not mean.
 */
export function announceServer(flag: string | undefined, verb: string): string {
  const server = resolveServer(flag);
  if (server.from !== '--server') process.stderr.write(`truce: ${verb} ${server.url} (from ${server.from})\n`);
  return server.url;
}
