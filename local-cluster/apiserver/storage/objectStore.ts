import Database from 'better-sqlite3';
import type { KubeObject } from '../core/types';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One committed change; `resourceVersion` is the global revision the change was written at. */
export interface StoreEvent {
  type: WatchEventType;
  kindKey: string;
  resourceVersion: number;
  object: KubeObject;
  /** The state before a MODIFIED change, so watchers can tell objects entering or leaving a selector. */
  previous?: KubeObject;
}

const objectKey = (kindKey: string, namespace: string | undefined, name: string): string =>
  `${kindKey}|${namespace ?? ''}|${name}`;

/**
 * The server's single source of truth, in the role etcd plays for kube-apiserver: a global
 * monotonic revision, every object stamped with the revision of its last write, and an ordered
 * change feed for watches. Writes go to SQLite (WAL) synchronously before they are acknowledged,
 * so a killed process loses nothing it answered; reads are served from the in-memory copy, which is
 * what keeps a 10,000-object list fast. Stored objects are frozen and must never be mutated.
 */
export class ObjectStore {
  private readonly db: Database.Database;
  private readonly byKind = new Map<string, Map<string, KubeObject>>();
  private revision = 0;
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  private readonly insertStmt: Database.Statement;
  private readonly deleteStmt: Database.Statement;
  private readonly revisionStmt: Database.Statement;

  constructor(file: string | ':memory:') {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode is durable against a killed process (the WAL is written before the
    // commit returns); only an OS crash could lose the last transactions.
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS objects (
        key TEXT PRIMARY KEY, kind_key TEXT NOT NULL, revision INTEGER NOT NULL, body TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`);
    this.insertStmt = this.db.prepare(
      'INSERT OR REPLACE INTO objects (key, kind_key, revision, body) VALUES (?, ?, ?, ?)',
    );
    this.deleteStmt = this.db.prepare('DELETE FROM objects WHERE key = ?');
    this.revisionStmt = this.db.prepare(
      "INSERT OR REPLACE INTO meta (key, value) VALUES ('revision', ?)",
    );
    this.load();
  }

  private load(): void {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = 'revision'").get() as
      { value: string } | undefined;
    this.revision = row ? Number(row.value) : 0;
    const rows = this.db.prepare('SELECT kind_key, body FROM objects').all() as {
      kind_key: string;
      body: string;
    }[];
    for (const r of rows) {
      const obj = deepFreeze(JSON.parse(r.body) as KubeObject);
      this.kindMap(r.kind_key).set(
        objectKey(r.kind_key, obj.metadata.namespace, obj.metadata.name ?? ''),
        obj,
      );
    }
  }

  private kindMap(kindKey: string): Map<string, KubeObject> {
    let m = this.byKind.get(kindKey);
    if (!m) {
      m = new Map();
      this.byKind.set(kindKey, m);
    }
    return m;
  }

  get currentRevision(): number {
    return this.revision;
  }

  /** A stored value read from SQLite outside the object table (tokens, settings). */
  getMeta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run(key, value);
  }

  get(kindKey: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.byKind.get(kindKey)?.get(objectKey(kindKey, namespace, name));
  }

  /** Objects of one kind, optionally in one namespace, ordered by namespace then name. */
  list(kindKey: string, namespace?: string): KubeObject[] {
    const m = this.byKind.get(kindKey);
    if (!m) return [];
    const prefix = namespace === undefined ? undefined : `${kindKey}|${namespace}|`;
    const out: { key: string; obj: KubeObject }[] = [];
    for (const [key, obj] of m) if (!prefix || key.startsWith(prefix)) out.push({ key, obj });
    out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return out.map((e) => e.obj);
  }

  /** Writes (creates or replaces) an object at a new revision and returns the stored copy. */
  put(kindKey: string, object: KubeObject, type: 'ADDED' | 'MODIFIED'): KubeObject {
    const revision = this.revision + 1;
    const stored = deepFreeze({
      ...object,
      metadata: { ...object.metadata, resourceVersion: String(revision) },
    });
    const key = objectKey(kindKey, stored.metadata.namespace, stored.metadata.name ?? '');
    this.db.transaction(() => {
      this.insertStmt.run(key, kindKey, revision, JSON.stringify(stored));
      this.revisionStmt.run(String(revision));
    })();
    this.revision = revision;
    const previous = this.kindMap(kindKey).get(key);
    this.kindMap(kindKey).set(key, stored);
    this.emit({ type, kindKey, resourceVersion: revision, object: stored, previous });
    return stored;
  }

  /** Removes an object; the DELETED event carries the last state stamped with the new revision. */
  remove(kindKey: string, object: KubeObject): KubeObject {
    const revision = this.revision + 1;
    const key = objectKey(kindKey, object.metadata.namespace, object.metadata.name ?? '');
    const gone = deepFreeze({
      ...object,
      metadata: { ...object.metadata, resourceVersion: String(revision) },
    });
    this.db.transaction(() => {
      this.deleteStmt.run(key);
      this.revisionStmt.run(String(revision));
    })();
    this.revision = revision;
    this.byKind.get(kindKey)?.delete(key);
    this.emit({ type: 'DELETED', kindKey, resourceVersion: revision, object: gone });
    return gone;
  }

  onChange(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: StoreEvent): void {
    for (const l of this.listeners) l(event);
  }

  close(): void {
    this.db.close();
  }
}

export const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
};
