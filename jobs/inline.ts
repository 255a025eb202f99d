// The embedded mode: without Redis, the web process runs the same job functions on the same schedules — in a
// worker thread with its own database connection, so that a long sweep never holds up a web request.
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Db } from '../db/client'
import type { JobSummary } from './context'
import { runJob } from './run'
import { nextRun, SCHEDULES } from './schedules'

export interface InlineScheduler {
  /** Runs one job now; if that job is already running, joins that run instead of starting a second one. */
  run(job: string, now?: Date): Promise<JobSummary>
  /** Stops the timers, asks a running delivery to hand back what it has not started, and waits for running jobs. */
  stop(): Promise<void>
}

/** Starts timers for every schedule on this thread's connection. A job never overlaps itself. */
export function startInlineScheduler(db: Db, log: (line: string) => void = console.log, options: { schedule?: boolean } = {}): InlineScheduler {
  const timers = new Set<NodeJS.Timeout>()
  const running = new Map<string, Promise<JobSummary>>()
  const abort = new AbortController()
  let stopped = false
  const runOnce = (job: string, now: Date): Promise<JobSummary> => {
    const already = running.get(job)
    if (already) return already
    const run = (async () => {
      try {
        return await runJob(db, job, now, { signal: abort.signal })
      } finally {
        running.delete(job)
      }
    })()
    running.set(job, run)
    return run
  }
  const plan = (job: string, cron: string) => {
    if (stopped) return
    const at = nextRun(cron, new Date())
    // setTimeout cannot wait longer than ~24.8 days; re-plan in steps.
    const delay = Math.min(at.getTime() - Date.now(), 2 ** 31 - 1)
    const timer = setTimeout(async () => {
      timers.delete(timer)
      if (Date.now() >= at.getTime() && !running.has(job)) {
        try {
          const summary = await runOnce(job, new Date())
          if (job !== 'deliver' || (typeof summary.sent === 'number' && summary.sent > 0)) log(`[jobs] ${JSON.stringify(summary)}`)
        } catch (error) {
          log(`[jobs] ${job} thất bại: ${error instanceof Error ? error.message : String(error)}`)
        }
      }
      plan(job, cron)
    }, Math.max(0, delay))
    timer.unref()
    timers.add(timer)
  }
  if (options.schedule !== false) for (const s of SCHEDULES) plan(s.job, s.cron)
  return {
    run: (job, now = new Date()) => {
      if (stopped) return Promise.reject(new Error('việc định kỳ đang dừng'))
      return runOnce(job, now)
    },
    async stop() {
      stopped = true
      for (const t of timers) clearTimeout(t)
      timers.clear()
      abort.abort()
      await Promise.allSettled([...running.values()])
    },
  }
}

type ToThread = { type: 'run'; id: number; job: string; now: string } | { type: 'stop' }
type FromThread =
  | { type: 'ready' }
  | { type: 'log'; line: string }
  | { type: 'result'; id: number; summary: JobSummary }
  | { type: 'error'; id: number; message: string }
  | { type: 'stopped' }

export interface InlineJobs {
  run(job: string, now?: Date): Promise<JobSummary>
  stop(): Promise<void>
}

/**
 * Runs the scheduler in a worker thread on its own connection to `databaseFile` (WAL: the web's readers never wait
 * for it, and its writes are short transactions the web's writers wait out with busy_timeout). A thread that dies
 * is restarted; stop() lets a running job finish (a delivery hands back what it has not started).
 */
export function startInlineJobs(options: { databaseFile: string; schedule?: boolean; log?: (line: string) => void }): InlineJobs {
  const log = options.log ?? console.log
  const pending = new Map<number, { resolve: (s: JobSummary) => void; reject: (e: Error) => void }>()
  let nextId = 1
  let stopping: Promise<void> | null = null
  let worker: Worker
  let ready: Promise<void>
  let alive = false
  // Worker threads do not inherit tsx's loader: register it in the thread, then load the TypeScript entry.
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href
  const entry = new URL('./inline-thread.ts', import.meta.url).href
  const source = `import(${JSON.stringify(tsxApi)}).then((m) => { (m.register ?? m.default.register)(); return import(${JSON.stringify(entry)}) })`

  const start = () => {
    worker = new Worker(source, { eval: true, workerData: { databaseFile: options.databaseFile, schedule: options.schedule !== false } })
    alive = true
    const current = worker
    ready = new Promise<void>((resolve, reject) => {
      const onReady = (m: FromThread) => {
        if (m.type === 'ready') {
          current.off('message', onReady)
          resolve()
        }
      }
      current.on('message', onReady)
      current.once('exit', () => reject(new Error('luồng việc định kỳ không khởi động được')))
    })
    ready.catch(() => {}) // reported through run() and the exit log
    worker.on('message', (m: FromThread) => {
      if (m.type === 'log') log(m.line)
      else if (m.type === 'result' || m.type === 'error') {
        const p = pending.get(m.id)
        pending.delete(m.id)
        if (m.type === 'result') p?.resolve(m.summary)
        else p?.reject(new Error(m.message))
      }
    })
    worker.on('error', (error) => log(`[jobs] luồng việc định kỳ gặp lỗi: ${error.message}`))
    worker.on('exit', (code) => {
      alive = false
      for (const p of pending.values()) p.reject(new Error('luồng việc định kỳ đã dừng'))
      pending.clear()
      if (!stopping) {
        log(`[jobs] luồng việc định kỳ dừng bất thường (mã ${code}); khởi động lại sau 5 giây.`)
        setTimeout(() => {
          if (!stopping) start()
        }, 5000).unref()
      }
    })
  }
  start()

  return {
    async run(job, now = new Date()) {
      if (stopping) throw new Error('việc định kỳ đang dừng')
      await ready
      const id = nextId++
      return new Promise<JobSummary>((resolve, reject) => {
        pending.set(id, { resolve, reject })
        worker.postMessage({ type: 'run', id, job, now: now.toISOString() } satisfies ToThread)
      })
    },
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        if (!alive) return resolve()
        const current = worker
        current.once('exit', () => resolve())
        current.on('message', (m: FromThread) => {
          if (m.type === 'stopped') void current.terminate()
        })
        current.postMessage({ type: 'stop' } satisfies ToThread)
      })
      return stopping
    },
  }
}

export type { ToThread, FromThread }
