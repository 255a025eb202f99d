// Opens the SQLite database named by DATABASE_URL, sets its pragmas and applies the committed migrations.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import * as schema from './schema'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

export const DEFAULT_DATABASE_URL = 'data/dondoc.db'

/** Accepts a plain path or a `file:` URL. */
export function databasePath(url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): string {
  return url.startsWith('file:') ? url.slice('file:'.length) : url
}

function migrationsFolder(): string {
  return process.env.MIGRATIONS_DIR ?? path.resolve(process.cwd(), 'db/migrations')
}

export function openDatabase(file: string, options: { migrate?: boolean } = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('cache_size = -65536')
  sqlite.pragma('temp_store = MEMORY')
  const db = drizzle(sqlite, { schema }) as Db
  // Every transaction here may read before it writes. BEGIN IMMEDIATE takes the write lock first, so that a second
  // writer on the same file (the jobs' thread, a worker, another web process) waits for it up to busy_timeout;
  // a deferred transaction that has read and then tries to write after another writer committed fails at once
  // with "database is locked" (SQLITE_BUSY_SNAPSHOT), whatever busy_timeout says.
  const transaction = db.transaction.bind(db)
  db.transaction = ((fn, config) => transaction(fn, { behavior: 'immediate', ...config })) as Db['transaction']
  if (options.migrate !== false) migrate(db, { migrationsFolder: migrationsFolder() })
  return db
}

const globalForDb = globalThis as unknown as { __dondocDb?: { file: string; db: Db } }

/** The process-wide connection (one per file), opened and migrated on first use. */
export function getDb(): Db {
  const file = databasePath()
  const cached = globalForDb.__dondocDb
  if (cached && cached.file === file) return cached.db
  const db = openDatabase(file)
  globalForDb.__dondocDb = { file, db }
  return db
}

/** Closes the process-wide connection (tests and shutdown). */
export function closeDb(): void {
  globalForDb.__dondocDb?.db.$client.close()
  globalForDb.__dondocDb = undefined
}
