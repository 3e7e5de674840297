import type { StateFolder } from './state-folder.js';

/**
 * The folder's next LMDB write fails as a full disk would (the transaction is refused before it runs); the writes
 * after it go to LMDB again. For the tests of a write that failed after the database committed.
 */
export function failNextFolderWrite(folder: StateFolder, message = 'no space left on device'): void {
  const { db } = folder;
  const write = db.transaction.bind(db);
  db.transaction = (() => {
    db.transaction = write;
    return Promise.reject(new Error(message));
  }) as typeof db.transaction;
}
