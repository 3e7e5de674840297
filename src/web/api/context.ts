import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { LogInfo, MemberInfo } from './types.js';
import type { StoredKey } from '../session/keystore.js';

/** What every screen may need: the log's identity (and whether it is the demo), who the members are, who is signed in. */
export interface AppContext {
  readonly log: LogInfo | null;
  readonly members: ReadonlyMap<string, MemberInfo>;
  /** The member key loaded in this browser for this log, if any. */
  readonly session: StoredKey | null;
  setSession(k: StoredKey | null): void;
  /** Ask the shell to open the "load your key file" dialog. */
  openKeyDialog(): void;
  /** Fetch the members again (after a statement changed them, e.g. enckey.add). */
  reloadMembers(): void;
}

export const App = createContext<AppContext>({
  log: null,
  members: new Map(),
  session: null,
  setSession: () => undefined,
  openKeyDialog: () => undefined,
  reloadMembers: () => undefined,
});

export const useApp = (): AppContext => useContext(App);
