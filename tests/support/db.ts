// Test databases: one migrated base file with the reference data, copied afresh for every test (a copy is fast).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase, type Db } from '../../db/client'
import { loadReferenceData } from '../../db/seed/reference'

const dir = path.join(os.tmpdir(), `dondoc-tests-${process.pid}`)
let basePath: string | null = null

function ensureBase(): string {
  if (basePath) return basePath
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, 'base.db')
  const db = openDatabase(file)
  loadReferenceData(db, '2026-01-01')
  db.$client.pragma('wal_checkpoint(TRUNCATE)')
  db.$client.close()
  basePath = file
  return file
}

let counter = 0

/** A fresh, migrated database file with the reference agencies, and its path. */
export function freshDb(): { db: Db; file: string } {
  const base = ensureBase()
  const file = path.join(dir, `t${++counter}-${Date.now()}.db`)
  fs.copyFileSync(base, file)
  return { db: openDatabase(file), file }
}
