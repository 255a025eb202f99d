// Benchmark: seeds N synthetic tasks, starts the real server and times server-rendered pages over HTTP (median of runs).
// Usage: npm run bench [-- --sizes 100000,1000000 --runs 25 --jobs no --pages no --latency no --exports no]
//        npm run bench -- --only extract|intake|pages|jobs|delivery|latency|exports   (one part; latency and exports use the smallest size)
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from '../../db/client'
import { seedSynthetic } from '../../db/seed/synthetic'
import { createUser } from '../../app/services/users.server'
import { parseFlags } from '../../db/cli/args'
import { addDays, formatVnDate, todayInVietnam } from '../../app/domain/dates'
import { freePort } from '../support/ports'
import { benchExports } from './exports'
import { overdueGroups } from '../../app/models/task.server'
import { benchExtraction } from './extract'
import { benchIntake } from './intake'
import { benchDelivery, benchJobs } from './jobs'
import { benchLatency } from './latency'

const flags = parseFlags(process.argv.slice(2))
const sizes = String(flags.sizes ?? '100000,1000000')
  .split(',')
  .map(Number)
const runs = Number(flags.runs ?? 25)
const PASSWORD = 'bench-password-123'

async function waitFor(url: string, ms = 60_000) {
  const until = Date.now() + ms
  while (Date.now() < until) {
    try {
      await fetch(url)
      return
    } catch {
      await new Promise((r) => setTimeout(r, 200))
    }
  }
  throw new Error(`server did not start: ${url}`)
}

async function loginCookie(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/login`, { method: 'POST', body: new URLSearchParams({ email, password: PASSWORD }), redirect: 'manual' })
  const cookie = res.headers.get('set-cookie')
  if (!cookie) throw new Error(`login failed for ${email}: ${res.status}`)
  return cookie.split(';')[0]
}

async function time(base: string, cookie: string, url: string): Promise<{ median: number; p90: number; bytes: number }> {
  const samples: number[] = []
  let bytes = 0
  for (let i = 0; i < runs + 2; i++) {
    const started = performance.now()
    const res = await fetch(base + url, { headers: { cookie } })
    const body = await res.text()
    const ms = performance.now() - started
    if (res.status !== 200) throw new Error(`${url} → ${res.status}: ${body.slice(0, 200)}`)
    bytes = body.length
    if (i >= 2) samples.push(ms) // the first two warm caches
  }
  samples.sort((a, b) => a - b)
  return { median: samples[Math.floor(samples.length / 2)], p90: samples[Math.floor(samples.length * 0.9)], bytes }
}

async function seeded(n: number): Promise<string> {
  const file = path.join(os.tmpdir(), `dondoc-bench-${n}.db`)
  if (!fs.existsSync(file) || flags.reseed) {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true })
    const db = openDatabase(file)
    const summary = await seedSynthetic(db, n, { seed: 7 })
    await createUser(db, null, { email: 'office@bench.example', name: 'Văn phòng', role: 'office', agencyCode: 'VPCP', password: PASSWORD, mustChangePassword: false })
    await createUser(db, null, { email: 'leader@bench.example', name: 'Lãnh đạo', role: 'leader', password: PASSWORD, mustChangePassword: false })
    await createUser(db, null, { email: 'officer@bench.example', name: 'Cán bộ Bộ Nội vụ', role: 'agency', agencyCode: 'BNV', password: PASSWORD, mustChangePassword: false })
    db.$client.pragma('wal_checkpoint(TRUNCATE)')
    db.$client.close()
    console.log(`seeded ${n.toLocaleString('en')} tasks in ${(summary.ms / 1000).toFixed(1)} s (${summary.agencies} agencies, ${summary.directives} directives, ${summary.history} history rows)`)
  }
  return file
}

async function benchSize(n: number) {
  const file = await seeded(n)
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], { env: { ...process.env, PORT: String(port), DATABASE_URL: file, DEMO_DATA: 'no', JOBS: 'off' }, stdio: ['ignore', 'ignore', 'inherit'] })
  try {
    await waitFor(`${base}/login`)
    const office = await loginCookie(base, 'office@bench.example')
    const leader = await loginCookie(base, 'leader@bench.example')
    const officer = await loginCookie(base, 'officer@bench.example')
    const scenarios: Array<[string, string, string]> = [
      ['task list, no filter', office, '/tasks'],
      ['task list, page 200', office, '/tasks?page=200'],
      ['task list, overdue', office, '/tasks?category=overdue'],
      ['task list, agency subtree + in progress', office, '/tasks?agency=NGHE-AN&category=in_progress'],
      ['task list, deadline range', office, '/tasks?dueFrom=01/01/2026&dueTo=31/03/2026'],
      ['task list, free text "bo noi vu"', office, '/tasks?q=bo%20noi%20vu'],
      ['task list, free text "dat dai" + overdue', office, '/tasks?q=dat%20dai&category=overdue'],
      ['task list, free text "vu" (short)', office, '/tasks?q=vu'],
      ['task list, agency officer scope', officer, '/tasks'],
      ['overdue list', leader, '/overdue'],
      ['overdue list, meeting mode (one agency)', leader, '/overdue?mode=meeting'],
      ['overdue list, meeting mode, 50th agency', leader, '/overdue?mode=meeting&at=__50TH__'],
      ['overdue list, print annex (≤ 2 000 tasks)', leader, '/overdue?print=1'],
      ['overdue list, officer scope', officer, '/overdue'],
      ['per-agency rates', leader, '/rates'],
      ['home figures', leader, '/'],
      // Dashboard and period reports (issue 5).
      ['dashboard, system', leader, '/dashboard'],
      ['dashboard, agency subtree (NGHE-AN)', leader, '/dashboard?scope=agency&agency=NGHE-AN'],
      ['dashboard, past day (reconstructed trend)', leader, `/dashboard?asOf=${formatVnDate(addDays(todayInVietnam(), -100))}`],
      ['period report page, this year', leader, `/reports?period=y&year=${todayInVietnam().slice(0, 4)}`],
      ['period report .docx, this year', leader, `/reports/docx?period=y&year=${todayInVietnam().slice(0, 4)}`],
    ]
    // Meeting mode deep-links an agency by code: take the 50th of the overdue list's outline.
    const db = openDatabase(file)
    const fiftieth = overdueGroups(db, { role: 'leader', agencyId: null }, {}, todayInVietnam())[49]?.agencyCode ?? ''
    db.$client.close()
    for (const s of scenarios) s[2] = s[2].replace('__50TH__', encodeURIComponent(fiftieth))
    console.log(`\n${n.toLocaleString('en')} tasks — median / p90 over ${runs} runs, server-rendered HTML over HTTP`)
    for (const [label, cookie, url] of scenarios) {
      const r = await time(base, cookie, url)
      console.log(`  ${label.padEnd(44)} ${r.median.toFixed(1).padStart(8)} ms ${r.p90.toFixed(1).padStart(8)} ms   ${(r.bytes / 1024).toFixed(0)} KiB`)
    }
    // The dashboard keeps its figures until the task data changes: time the first view after a write as well, one
    // that leaves the figures alone (a progress note) and one that moves them (a deadline, set back afterwards).
    const writer = openDatabase(file)
    const original = writer.$client.prepare('select original_due_on o from tasks where id = 1').get() as { o: string | null }
    const firstViews = async (label: string, edit: (i: number) => void) => {
      const cold: number[] = []
      for (let i = 0; i < 8; i++) {
        edit(i)
        const started = performance.now()
        const res = await fetch(`${base}/dashboard`, { headers: { cookie: leader } })
        await res.text()
        cold.push(performance.now() - started)
      }
      cold.sort((a, b) => a - b)
      console.log(`  ${label.padEnd(44)} ${cold[4].toFixed(1).padStart(8)} ms ${cold[7].toFixed(1).padStart(8)} ms   (median / max of 8)`)
    }
    await firstViews('dashboard, first view after a progress note', () => {
      writer.$client.prepare('update tasks set progress_percent = (progress_percent + 1) % 100 where id = 1').run()
    })
    await firstViews('dashboard, first view after a deadline edit', (i) => {
      writer.$client.prepare('update tasks set original_due_on = ? where id = 1').run(i % 2 === 0 ? '2000-01-01' : original.o)
    })
    writer.$client.close()
  } finally {
    server.kill('SIGTERM')
  }
}

const only = typeof flags.only === 'string' ? flags.only : null
const PARTS = ['extract', 'intake', 'pages', 'jobs', 'delivery', 'latency', 'exports']
if (only && !PARTS.includes(only)) throw new Error(`--only: one of ${PARTS.join(', ')}`)
const part = (name: string) => (only ? only === name : flags[name] !== 'no')

if (part('extract')) await benchExtraction()
if (part('intake')) await benchIntake()
if (part('pages')) for (const n of sizes) await benchSize(n)
if (part('jobs')) {
  const largest = Math.max(...sizes)
  await benchJobs(await seeded(largest), largest)
} else if (part('delivery')) await benchDelivery()
if (part('latency')) {
  const smallest = Math.min(...sizes)
  await benchLatency(await seeded(smallest), smallest)
}
if (part('exports')) {
  const smallest = Math.min(...sizes)
  await benchExports(await seeded(smallest), smallest)
}
