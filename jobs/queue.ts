// The BullMQ layer: one queue, job schedulers for the cron patterns, and a worker that runs the same job functions.
import { Queue, Worker, type ConnectionOptions } from 'bullmq'
import { Redis } from 'ioredis'
import type { Db } from '../db/client'
import { TIME_ZONE } from '../app/domain/dates'
import type { Mailer } from './deliver'
import { runJob } from './run'
import { SCHEDULES } from './schedules'

export const QUEUE_NAME = 'dondoc-jobs'

/** BullMQ needs `maxRetriesPerRequest: null` on the worker's connection; parse REDIS_URL once for both sides. */
export function connectionFrom(redisUrl: string): ConnectionOptions {
  const url = new URL(redisUrl)
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password || undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : undefined,
    maxRetriesPerRequest: null,
  }
}

/** Answers whether Redis is reachable within the time limit, with a Vietnamese reason when it is not. */
export async function checkRedis(redisUrl: string, timeoutMs = 5000): Promise<string | null> {
  const client = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: timeoutMs, retryStrategy: () => null })
  client.on('error', () => {})
  try {
    await Promise.race([client.connect().then(() => client.ping()), new Promise((_, reject) => setTimeout(() => reject(new Error('hết thời gian chờ')), timeoutMs))])
    return null
  } catch (error) {
    return `Không kết nối được Redis tại ${new URL(redisUrl).host}: ${error instanceof Error ? error.message : String(error)}`
  } finally {
    client.disconnect()
  }
}

export const JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential' as const, delay: 30_000 },
  removeOnComplete: { count: 1000 },
  removeOnFail: { count: 5000 },
}

export function createQueue(redisUrl: string, prefix?: string): Queue {
  const queue = new Queue(QUEUE_NAME, { connection: connectionFrom(redisUrl), prefix, defaultJobOptions: JOB_OPTIONS })
  queue.on('error', (error) => console.error(`[jobs] queue error: ${error.message}`))
  return queue
}

/** Creates or updates one scheduler per job (idempotent: several processes may call it at start). */
export async function upsertSchedulers(queue: Queue): Promise<void> {
  for (const s of SCHEDULES) {
    // The scheduler id is the job name: one schedule per job, replaced when its pattern changes.
    await queue.upsertJobScheduler(s.job, { pattern: s.cron, tz: TIME_ZONE }, { name: s.job, data: {}, opts: JOB_OPTIONS })
  }
}

/**
 * A worker that runs jobs by name with the real clock. Concurrency 1 per process: the jobs are SQLite writers, and
 * several processes sharing one Redis never run the same job twice (BullMQ hands each job to one worker).
 */
export function createWorker(db: Db, redisUrl: string, options: { prefix?: string; mailer?: Mailer; onDone?: (name: string, summary: unknown) => void } = {}): Worker {
  // When the worker is closing (SIGTERM), a running delivery sends what is on the wire and hands back the rest.
  const closing = new AbortController()
  const worker = new Worker(
    QUEUE_NAME,
    async (job) => {
      const summary = await runJob(db, job.name, new Date(), { mailer: options.mailer, signal: closing.signal })
      options.onDone?.(job.name, summary)
      return summary
    },
    { connection: connectionFrom(redisUrl), prefix: options.prefix, concurrency: 1, stalledInterval: 30_000, maxStalledCount: 2 },
  )
  worker.on('closing', () => closing.abort())
  worker.on('error', (error) => console.error(`[jobs] worker error: ${error.message}`))
  worker.on('failed', (job, error) => console.error(`[jobs] ${job?.name ?? '?'} failed (attempt ${job?.attemptsMade ?? '?'}): ${error.message}`))
  return worker
}
