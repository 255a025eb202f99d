// Benchmark of intake confirmation: 002 (extraction, then confirm: ~900 tasks) and a synthetic 1,015-task conclusion,
// and the hand-entry path (one item to every province), each on a fresh database with the reference data.
import fs from 'node:fs'
import path from 'node:path'
import { verifyHistoryChain } from '../../app/services/history.server'
import { confirmIntake, proposeDraft } from '../../app/services/intake.server'
import { addItem } from '../../app/services/register.server'
import { freshDb } from '../support/db'
import { makeDirective, makeUser } from '../support/factories'
import { syntheticConclusion } from '../support/intake-drafts'

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const cpuMs = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

/** Runs fn and adds its wall-clock and CPU time to the samples (CPU time shows the work when other processes load the machine). */
function timed<T>(samples: { wall: number[]; cpu: number[] }, fn: () => T): T {
  const wall = performance.now()
  const cpu = cpuMs()
  const result = fn()
  samples.cpu.push(cpuMs() - cpu)
  samples.wall.push(performance.now() - wall)
  return result
}

export async function benchIntake(runs = 7) {
  const text = fs.readFileSync(path.resolve('tests/fixtures/directives/002_1ca8dc2ac5247edc.txt'), 'utf8')
  const sample = () => ({ wall: [] as number[], cpu: [] as number[] })
  const samples = { extract: sample(), confirm002: sample(), confirmSynthetic: sample(), handEntry: sample() }
  let tasks002 = 0
  let tasksSynthetic = 0
  let tasksHand = 0
  for (let i = 0; i < runs; i++) {
    const { db, file } = freshDb()
    try {
      const office = await makeUser(db, 'office', 'VPCP')
      const draft = timed(samples.extract, () => proposeDraft(db, text, 'dán văn bản'))
      draft.directive.number = '34/CT-UBND'
      tasks002 = timed(samples.confirm002, () => confirmIntake(db, office, draft)).taskCount
      const synthetic = syntheticConclusion()
      tasksSynthetic = timed(samples.confirmSynthetic, () => confirmIntake(db, office, synthetic)).taskCount
      const directiveId = makeDirective(db, office)
      const item = { ref: '1', content: 'Rà soát thủ tục hành chính', leads: ['G-TINH'], supports: ['BNV', 'BTP'], deadline: { kind: 'date' as const, dueOn: '2024-06-30' } }
      tasksHand = timed(samples.handEntry, () => addItem(db, office, directiveId, item)).taskIds.length
      // A fast path that broke the chain would not be a speed-up.
      if (!verifyHistoryChain(db).ok) throw new Error('history chain broken after intake')
    } finally {
      db.$client.close()
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true })
    }
  }
  console.log(`\nintake confirmation — median of ${runs} runs, each on a fresh database: wall clock / CPU time`)
  const lines: Array<[string, { wall: number[]; cpu: number[] }]> = [
    ['extraction of 002_1ca8dc2ac5247edc.txt (the draft)', samples.extract],
    [`confirm 002 (${tasks002} tasks)`, samples.confirm002],
    [`confirm a 40-item conclusion (${tasksSynthetic} tasks)`, samples.confirmSynthetic],
    [`hand entry: one item to every province (${tasksHand} tasks)`, samples.handEntry],
  ]
  for (const [label, xs] of lines) console.log(`  ${label.padEnd(56)} ${median(xs.wall).toFixed(1).padStart(8)} ms ${median(xs.cpu).toFixed(1).padStart(8)} ms`)
}
