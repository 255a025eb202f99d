// The append-only, hash-chained history: every write in the services records who did what, before and after.
import crypto from 'node:crypto'
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
  return crypto.createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex')
}

const toJson = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v))

/**
 * Appends one entry. Call it inside the same synchronous transaction as the change it records, so that the
 * change and its history land together or not at all.
 */
export function appendHistory(tx: Tx, input: HistoryInput): void {
  const last = tx.select({ hash: historyEntries.hash }).from(historyEntries).orderBy(desc(historyEntries.id)).limit(1).get()
  const prevHash = last?.hash ?? GENESIS_HASH
  const fields: HashedFields = {
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
  tx.insert(historyEntries)
    .values({ ...fields, prevHash, hash: entryHash(prevHash, fields) })
    .run()
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
