// The append-only, hash-chained history: every write in the services records who did what, before and after.
import crypto from 'node:crypto'
import type { Statement } from 'better-sqlite3'
import { asc, desc, gt } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { historyEntries } from '../../db/schema'

export const GENESIS_HASH = '0'.repeat(64)

/** A drizzle database or the transaction handle passed to db.transaction's callback. */
export type Tx = Pick<Db, 'select' | 'selectDistinct' | 'insert' | 'update' | 'delete' | 'run' | 'all' | 'get'>

export interface HistoryInput {
  actorId: number | null
  entity: 'directive' | 'item' | 'task' | 'agency' | 'user' | 'setting'
  entityId: number
  directiveId?: number | null
  taskId?: number | null
  action: string
  before?: unknown
  after?: unknown
  at?: Date
}

interface HashedFields {
  at: string
  actorId: number | null
  entity: string
  entityId: number
  directiveId: number | null
  taskId: number | null
  action: string
  before: string | null
  after: string | null
}

export function entryHash(prevHash: string, f: HashedFields): string {
  const canonical = JSON.stringify([
    f.at,
    f.actorId,
    f.entity,
    f.entityId,
    f.directiveId,
    f.taskId,
    f.action,
    f.before,
    f.after,
  ])
  // One-shot hashing of the same bytes (prevHash, a newline, the canonical JSON): less than half the cost of
  // createHash().update()…digest() per entry.
  return crypto.hash('sha256', `${prevHash}\n${canonical}`, 'hex')
}

const toJson = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v))

function hashedFields(input: HistoryInput): HashedFields {
  return {
    at: (input.at ?? new Date()).toISOString(),
    actorId: input.actorId,
    entity: input.entity,
    entityId: input.entityId,
    directiveId: input.directiveId ?? null,
    taskId: input.taskId ?? null,
    action: input.action,
    before: toJson(input.before),
    after: toJson(input.after),
  }
}

/**
 * Appends one entry. Call it inside the same synchronous transaction as the change it records, so that the
 * change and its history land together or not at all.
 */
export function appendHistory(tx: Tx, input: HistoryInput): void {
  const last = tx.select({ hash: historyEntries.hash }).from(historyEntries).orderBy(desc(historyEntries.id)).limit(1).get()
  const prevHash = last?.hash ?? GENESIS_HASH
  const fields = hashedFields(input)
  tx.insert(historyEntries)
    .values({ ...fields, prevHash, hash: entryHash(prevHash, fields) })
    .run()
}

interface HistoryStatements {
  head: Statement<[], { hash: string }>
  insert: Statement<unknown[]>
}

const statements = new WeakMap<Db, HistoryStatements>()

/**
 * The same entry as appendHistory, through statements prepared once per connection: for writes that append hundreds
 * of entries in one transaction (registering a directive's tasks). It still reads the chain's head for every entry
 * (a rowid seek), so entries appended by other code in the same transaction keep the chain linear.
 */
export function appendHistoryPrepared(db: Db, input: HistoryInput): void {
  let st = statements.get(db)
  if (!st) {
    st = {
      head: db.$client.prepare('select hash from history_entries order by id desc limit 1'),
      insert: db.$client.prepare(
        'insert into history_entries (at, actor_id, entity, entity_id, directive_id, task_id, action, before, after, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
    }
    statements.set(db, st)
  }
  const prevHash = st.head.get()?.hash ?? GENESIS_HASH
  const f = hashedFields(input)
  st.insert.run(f.at, f.actorId, f.entity, f.entityId, f.directiveId, f.taskId, f.action, f.before, f.after, prevHash, entryHash(prevHash, f))
}

export interface ChainReport {
  checked: number
  ok: boolean
  /** The first entry whose stored hashes do not match its content or its predecessor. */
  firstBroken: { id: number; reason: string } | null
}

/** Walks the chain in id order, in pages, recomputing every hash. */
export function verifyHistoryChain(db: Db): ChainReport {
  let prevHash = GENESIS_HASH
  let lastId = 0
  let checked = 0
  for (;;) {
    const page = db.select().from(historyEntries).where(gt(historyEntries.id, lastId)).orderBy(asc(historyEntries.id)).limit(5000).all()
    if (page.length === 0) break
    for (const row of page) {
      checked++
      if (row.prevHash !== prevHash) {
        return { checked, ok: false, firstBroken: { id: row.id, reason: 'Liên kết tới bản ghi trước bị sai (có bản ghi bị xóa hoặc chèn).' } }
      }
      if (entryHash(prevHash, row) !== row.hash) {
        return { checked, ok: false, firstBroken: { id: row.id, reason: 'Nội dung bản ghi không khớp với mã băm (bản ghi đã bị sửa).' } }
      }
      prevHash = row.hash
      lastId = row.id
    }
  }
  return { checked, ok: true, firstBroken: null }
}
