import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createInterface } from 'node:readline';

/** A JSON-lines file written a line at a time and synced on close, so a finished backup is on disk. */
export class JsonlWriter {
  private constructor(private readonly handle: FileHandle) {}

  static async create(path: string): Promise<JsonlWriter> {
    return new JsonlWriter(await open(path, 'wx', 0o600));
  }

  async write(values: readonly unknown[]): Promise<void> {
    if (values.length > 0) await this.handle.write(values.map((v) => JSON.stringify(v) + '\n').join(''));
  }

  async close(): Promise<void> {
    try {
      await this.handle.sync();
    } finally {
      await this.handle.close();
    }
  }
}

/** Read a JSON-lines file a line at a time (a backup's log may not fit in memory as one string). */
export async function* readJsonl(path: string): AsyncGenerator<{ line: number; value: unknown }> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') continue;
    yield { line, value: JSON.parse(text) as unknown };
  }
}
