// `npm run worker`: the BullMQ workers as their own process (REDIS_URL required), with a graceful SIGTERM.
import { getDb } from '../db/client'
import { prepareDatabase } from '../db/startup'
import { checkRedis, createQueue, createWorker, upsertSchedulers } from './queue'

async function main() {
  const redisUrl = process.env.REDIS_URL
  if (!redisUrl) {
    console.error('Thiếu REDIS_URL: tiến trình worker cần Redis. Không có Redis, `npm start` tự chạy các việc định kỳ trong tiến trình web.')
    process.exit(1)
  }
  const unreachable = await checkRedis(redisUrl)
  if (unreachable) {
    console.error(unreachable)
    process.exit(1)
  }
  const db = getDb()
  await prepareDatabase(db, { demo: false })
  // QUEUE_PREFIX separates several installations (or test runs) sharing one Redis.
  const prefix = process.env.QUEUE_PREFIX || undefined
  const queue = createQueue(redisUrl, prefix)
  await upsertSchedulers(queue)
  const worker = createWorker(db, redisUrl, { prefix, onDone: (name, summary) => console.log(`[jobs] ${name} ${JSON.stringify(summary)}`) })
  console.log(`Worker Đôn đốc đã chạy (Redis: ${new URL(redisUrl).host}).`)
  const shutdown = async () => {
    // close() waits for the running job to finish; a job cut off by a kill is recovered as stalled by another worker.
    await worker.close()
    await queue.close()
    db.$client.close()
    process.exit(0)
  }
  process.on('SIGTERM', shutdown)
  process.on('SIGINT', shutdown)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
