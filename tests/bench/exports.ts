// Benchmark of the exports on a copy of the seeded database: 10 000 tasks to .xlsx, and the list of agencies with
// overdue tasks (item 8a) to .docx, each timed as its query and its rendering (median of runs).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from '../../db/client'
import { todayInVietnam } from '../../app/domain/dates'
import { toDocx } from '../../app/exports/docx.server'
import { EXPORT_LISTS, type ExportContext } from '../../app/exports/lists.server'
import { toXlsx } from '../../app/exports/xlsx.server'
import type { CurrentUser } from '../../app/services/auth.server'

const RUNS = 5

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

async function measure(label: string, ctx: ExportContext, list: keyof typeof EXPORT_LISTS, format: 'xlsx' | 'docx') {
  const query: number[] = []
  const render: number[] = []
  let rows = 0
  let bytes = 0
  for (let i = 0; i < RUNS; i++) {
    let started = performance.now()
    const { doc } = EXPORT_LISTS[list].build(ctx)
    query.push(performance.now() - started)
    started = performance.now()
    const file = format === 'xlsx' ? await toXlsx(doc) : await toDocx(doc, { landscape: EXPORT_LISTS[list].landscape })
    render.push(performance.now() - started)
    rows = doc.tables.reduce((s, t) => s + t.rows.length, 0)
    bytes = file.byteLength
  }
  const total = median(query.map((q, i) => q + render[i]))
  console.log(
    `  ${label.padEnd(44)} ${total.toFixed(0).padStart(6)} ms  (query ${median(query).toFixed(0)} ms, file ${median(render).toFixed(0)} ms; ${rows.toLocaleString('en')} rows, ${(bytes / 1024).toFixed(0)} KiB)`,
  )
}

export async function benchExports(seededFile: string, size: number) {
  if (!fs.existsSync(seededFile)) {
    console.log(`\nexports: ${seededFile} does not exist; run the page benchmark first (it seeds the database)`)
    return
  }
  const copy = path.join(os.tmpdir(), `dondoc-bench-exports-${process.pid}.db`)
  for (const suffix of ['', '-wal']) if (fs.existsSync(seededFile + suffix)) fs.copyFileSync(seededFile + suffix, copy + suffix)
  const db = openDatabase(copy)
  try {
    const office = db.$client.prepare(`select u.id, u.email, u.name, u.agency_id agencyId from users u where u.role = 'office' order by u.id limit 1`).get() as { id: number; email: string; name: string; agencyId: number | null }
    const user: CurrentUser = { ...office, role: 'office', agencyName: null, mustChangePassword: false, sessionId: 'bench', csrfToken: 'bench' }
    const ctx = (query: string, format: 'xlsx' | 'docx', limit?: number): ExportContext => ({ db, user, url: new URL(`http://localhost/export/list${query}`), asOf: todayInVietnam(), format, limit })
    console.log(`\nexports on ${size.toLocaleString('en')} tasks — median of ${RUNS} runs, in process (query + file)`)
    await measure('.xlsx of 10,000 tasks (task list)', ctx('', 'xlsx', 10_000), 'tasks', 'xlsx')
    await measure('.docx of 10,000 tasks (task list)', ctx('', 'docx', 10_000), 'tasks', 'docx')
    await measure('.xlsx of the overdue list', ctx('', 'xlsx'), 'overdue', 'xlsx')
    await measure('.docx of the agencies with overdue tasks (8a)', ctx('', 'docx'), 'overdue-agencies', 'docx')
    await measure('.docx of the rates per agency', ctx('', 'docx'), 'rates', 'docx')
  } finally {
    db.$client.close()
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true })
  }
}
