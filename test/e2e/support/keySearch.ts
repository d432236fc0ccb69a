// The secret-hygiene search: every shared key a flow read, set or generated, looked for in what the
// extension and VS Code wrote. It reports places and counts, never a key.
import * as fs from 'fs';
import * as path from 'path';
import type { StoredText } from './browserStorage';

/** A place that holds at least one of the keys. */
export interface KeyHit {
  place: string;
  keys: number;
}

/** The bytes a key leaves behind: UTF-8 and UTF-16, as typed, JSON-escaped and URL-encoded. */
function tracesOf(key: string): Buffer[] {
  const spellings = new Set([key, JSON.stringify(key).slice(1, -1), encodeURIComponent(key)]);
  return [...spellings].flatMap((spelling) => [Buffer.from(spelling, 'utf8'), Buffer.from(spelling, 'utf16le')]);
}

export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

export class KeySearch {
  private readonly traces = new Map<string, Buffer[]>();

  /** Adds keys to look for (undefined and repeats are ignored). */
  remember(...keys: Array<string | undefined>): void {
    for (const key of keys) {
      if (key !== undefined && !this.traces.has(key)) this.traces.set(key, tracesOf(key));
    }
  }

  get size(): number {
    return this.traces.size;
  }

  /** How many of the keys occur in `bytes`. */
  keysIn(bytes: Buffer | string): number {
    const haystack = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    let found = 0;
    for (const traces of this.traces.values()) {
      if (traces.some((trace) => haystack.includes(trace))) found += 1;
    }
    return found;
  }

  /** Searches the raw bytes of every file under `dirs` (and the single `files`). */
  inFiles(dirs: string[], files: string[] = []): { searched: number; hits: KeyHit[] } {
    const all = [...dirs.flatMap(filesUnder), ...files.filter((file) => fs.existsSync(file))];
    const hits = all.map((file) => ({ place: file, keys: this.keysIn(fs.readFileSync(file)) })).filter((hit) => hit.keys > 0);
    return { searched: all.length, hits };
  }

  inTexts(texts: StoredText[]): KeyHit[] {
    return texts.map(({ place, text }) => ({ place, keys: this.keysIn(text) })).filter((hit) => hit.keys > 0);
  }
}
