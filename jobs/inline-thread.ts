// The worker thread of the embedded mode: its own database connection, the scheduler, and "run now" on request.
import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase } from '../db/client'
import { startInlineScheduler, type FromThread, type ToThread } from './inline'

const port = parentPort!
const { databaseFile, schedule } = workerData as { databaseFile: string; schedule: boolean }
// The web process has already migrated the database.
const db = openDatabase(databaseFile, { migrate: false })
const post = (m: FromThread) => port.postMessage(m)
const scheduler = startInlineScheduler(db, (line) => post({ type: 'log', line }), { schedule })

port.on('message', (m: ToThread) => {
  if (m.type === 'run') {
    scheduler.run(m.job, new Date(m.now)).then(
      (summary) => post({ type: 'result', id: m.id, summary }),
      (error: unknown) => post({ type: 'error', id: m.id, message: error instanceof Error ? error.message : String(error) }),
    )
  } else if (m.type === 'stop') {
    void scheduler.stop().then(() => {
      db.$client.close()
      post({ type: 'stopped' })
    })
  }
})
post({ type: 'ready' })
