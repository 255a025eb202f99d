// The HTTP server: prepares the database, then serves the Remix build and its static assets with Express.
import path from 'node:path'
import express from 'express'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import { getDb, databasePath } from './db/client'
import { formatDemoLogins, prepareDatabase } from './db/startup'
import { getEnv, publicBaseUrl } from './app/lib/env.server'
import { startInlineJobs } from './jobs/inline'
import { setInlineJobs } from './app/lib/jobs.server'
import { checkRedis, createQueue, upsertSchedulers } from './jobs/queue'

async function main() {
  const env = getEnv()
  const db = getDb()
  const demo = env.DEMO_DATA === 'yes' || (env.DEMO_DATA === 'auto' && env.NODE_ENV !== 'production')
  const { demoLogins } = await prepareDatabase(db, { demo })

  const buildPath = path.resolve('build/index.js')
  const build = (await import(buildPath)) as ServerBuild
  const app = express()
  app.disable('x-powered-by')
  // Behind a TLS-terminating proxy, X-Forwarded-Proto tells Remix the request was HTTPS (and cookies become Secure).
  app.set('trust proxy', 1)
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('X-Frame-Options', 'DENY')
    res.setHeader('Referrer-Policy', 'same-origin')
    next()
  })
  app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y' }))
  app.use(express.static('public', { maxAge: '1h' }))
  app.all('*', createRequestHandler({ build, mode: 'production' }))

  let stopJobs: () => Promise<void> | void = () => {}
  let jobsLine: string
  if (env.JOBS === 'off') {
    jobsLine = 'Việc định kỳ: tắt (JOBS=off).'
  } else if (env.REDIS_URL) {
    // Never block the web app on Redis: register the schedules in the background and say so if Redis is away.
    const redisUrl = env.REDIS_URL
    void checkRedis(redisUrl).then(async (problem) => {
      if (problem) return console.error(`${problem}. Trang web vẫn hoạt động; việc định kỳ chờ Redis.`)
      const queue = createQueue(redisUrl)
      stopJobs = () => void queue.close()
      await upsertSchedulers(queue).catch((error) => console.error(`[jobs] không đăng ký được lịch: ${error instanceof Error ? error.message : error}`))
    })
    jobsLine = `Việc định kỳ: qua BullMQ/Redis (${new URL(env.REDIS_URL).host}); chạy \`npm run worker\` để xử lý.`
  } else {
    // A worker thread with its own connection: the sweep and the roll-up never hold up a web request.
    const inline = startInlineJobs({ databaseFile: databasePath() })
    setInlineJobs(inline)
    stopJobs = () => inline.stop()
    jobsLine = 'Việc định kỳ: chạy trong tiến trình web, trên một luồng riêng (không có REDIS_URL); thư được ghi thành tệp .eml trong data/outbox nếu không có SMTP_URL.'
  }

  const server = app.listen(env.PORT, () => {
    console.log(`Đôn đốc đang chạy tại ${publicBaseUrl(env)}  (cơ sở dữ liệu: ${databasePath()})`)
    console.log(jobsLine)
    if (demoLogins) console.log(formatDemoLogins(demoLogins))
  })
  let shuttingDown = false
  const shutdown = () => {
    if (shuttingDown) return
    shuttingDown = true
    // Stop taking requests, let a running job finish (a delivery hands back what it has not started), then close.
    const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()))
    void Promise.allSettled([Promise.resolve(stopJobs()), serverClosed]).then(() => {
      db.$client.close()
      console.log('Đôn đốc đã dừng.')
      process.exit(0)
    })
    setTimeout(() => {
      console.error('Đôn đốc dừng hẳn sau 10 giây chờ việc đang chạy; việc dở dang sẽ được làm lại ở lần chạy sau.')
      process.exit(1)
    }, 10_000).unref()
  }
  process.on('SIGTERM', shutdown)
  process.on('SIGINT', shutdown)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
