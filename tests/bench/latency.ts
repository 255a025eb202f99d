// Web latency while jobs run in the web process (no REDIS_URL): the real server on a copy of the seeded database,
// a page requested every 20 ms, first with nothing else going on, then while the admin's "run now" makes the server
// run the overdue sweep (its first, catch-up run) and the roll-up.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from '../../db/client'
import { createUser } from '../../app/services/users.server'
import { loadHolidays } from '../../jobs/calendar'
import { freePort } from '../support/ports'

const PASSWORD = 'bench-password-123'
const PROBE_EVERY_MS = 20
const PAGES = ['/login', '/overdue']

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? NaN
  return { n: s.length, p50: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? NaN }
}

const fmt = (r: ReturnType<typeof stats>) => `p50 ${r.p50.toFixed(0).padStart(5)} ms   p95 ${r.p95.toFixed(0).padStart(5)} ms   max ${r.max.toFixed(0).padStart(5)} ms   (${r.n} requests)`

async function login(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/login`, { method: 'POST', body: new URLSearchParams({ email, password: PASSWORD }), redirect: 'manual' })
  const cookie = res.headers.get('set-cookie')
  if (!cookie) throw new Error(`login failed for ${email}: ${res.status}`)
  return cookie.split(';')[0]
}

/**
 * Requests `url` again 20 ms after each answer (one at a time, so a slow page measures the server, not a queue the
 * probe built up) until stopped; returns the latencies and any failures by cause.
 */
function probe(base: string, cookie: string, url: string) {
  const samples: number[] = []
  const errors = new Map<string, number>()
  let running = true
  const loop = (async () => {
    while (running) {
      const started = performance.now()
      try {
        const res = await fetch(base + url, { headers: { cookie } })
        await res.arrayBuffer()
        if (res.status !== 200) errors.set(`HTTP ${res.status}`, (errors.get(`HTTP ${res.status}`) ?? 0) + 1)
        else samples.push(performance.now() - started)
      } catch (error) {
        const cause = error instanceof Error ? String((error.cause as Error | undefined)?.message ?? error.message) : String(error)
        errors.set(cause, (errors.get(cause) ?? 0) + 1)
      }
      await new Promise((r) => setTimeout(r, PROBE_EVERY_MS))
    }
  })()
  return async () => {
    running = false
    await loop
    return { ...stats(samples), errors: [...errors].map(([k, n]) => `${n}× ${k}`).join(', ') }
  }
}

export async function benchLatency(seededFile: string, size: number) {
  const copy = path.join(os.tmpdir(), `dondoc-bench-latency-${size}.db`)
  for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) fs.rmSync(f, { force: true })
  fs.copyFileSync(seededFile, copy)
  const db = openDatabase(copy)
  loadHolidays(db)
  await createUser(db, null, { email: 'admin@bench.example', name: 'Quản trị', role: 'admin', password: PASSWORD, mustChangePassword: false })
  db.$client.pragma('wal_checkpoint(TRUNCATE)')
  db.$client.close()

  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATABASE_URL: copy, DEMO_DATA: 'no', SECURITY_LOG_SILENT: '1' }
  delete env.REDIS_URL // the embedded mode is what is measured
  delete env.JOBS
  delete env.SMTP_URL
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], { env, stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  server.stdout?.on('data', (d) => (out += d))
  try {
    const until = Date.now() + 60_000
    while (!(await fetch(`${base}/login`).then((r) => r.ok, () => false))) {
      if (Date.now() > until) throw new Error(`server did not start:\n${out}`)
      await new Promise((r) => setTimeout(r, 200))
    }
    const mode = /Việc định kỳ: [^\n]*/.exec(out)?.[0] ?? '?'
    const admin = await login(base, 'admin@bench.example')
    const leader = await login(base, 'leader@bench.example')
    const page = await (await fetch(`${base}/admin/jobs`, { headers: { cookie: admin } })).text()
    const csrf = /name="csrf" value="([^"]+)"/.exec(page)?.[1]
    if (!csrf) throw new Error('no CSRF token on /admin/jobs')
    const runNow = async (job: string) => {
      const started = performance.now()
      const res = await fetch(`${base}/admin/jobs`, { method: 'POST', headers: { cookie: admin }, body: new URLSearchParams({ csrf, job }), redirect: 'manual' })
      const body = await res.text()
      if (res.status !== 200) throw new Error(`run ${job} → ${res.status}: ${/Việc &quot;[^<]*thất bại[^<]*/.exec(body)?.[0]?.replace(/&quot;/g, '"') ?? body.slice(0, 300)}`)
      return { ms: performance.now() - started, summary: /Đã chạy[^<]*/.exec(body)?.[0]?.replace(/&quot;/g, '"') ?? '' }
    }

    console.log(`\nweb latency while jobs run, ${size.toLocaleString('en')} tasks — each page again ${PROBE_EVERY_MS} ms after its answer (${mode})`)
    for (let i = 0; i < 5; i++) for (const url of PAGES) await fetch(base + url, { headers: { cookie: leader } }).then((r) => r.arrayBuffer()) // warm
    const report = (label: string, url: string, r: Awaited<ReturnType<ReturnType<typeof probe>>>) =>
      console.log(`  ${label.padEnd(34)} ${url.padEnd(9)} ${fmt(r)}${r.errors ? `, failed: ${r.errors}` : ''}`)
    let stops = PAGES.map((url) => probe(base, leader, url))
    await new Promise((r) => setTimeout(r, 5000))
    for (const [i, stop] of stops.entries()) report('no job running', PAGES[i], await stop())
    stops = PAGES.map((url) => probe(base, leader, url))
    const sweep = await runNow('overdue')
    const rollup = await runNow('rollup')
    for (const [i, stop] of stops.entries()) report('during the sweep and the roll-up', PAGES[i], await stop())
    console.log(`    sweep (first run: every past deadline) ${sweep.ms.toFixed(0)} ms: ${sweep.summary}`)
    console.log(`    roll-up ${rollup.ms.toFixed(0)} ms: ${rollup.summary}`)
  } finally {
    server.kill('SIGTERM')
    await new Promise((r) => server.once('exit', r))
    for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) fs.rmSync(f, { force: true })
  }
}
