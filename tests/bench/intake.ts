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

export async function benchIntake(runs = 7) {
  const text = fs.readFileSync(path.resolve('tests/fixtures/directives/002_1ca8dc2ac5247edc.txt'), 'utf8')
  const samples = { extract: [] as number[], confirm002: [] as number[], confirmSynthetic: [] as number[], handEntry: [] as number[] }
  let tasks002 = 0
  let tasksSynthetic = 0
  let tasksHand = 0
  for (let i = 0; i < runs; i++) {
    const { db, file } = freshDb()
    try {
      const office = await makeUser(db, 'office', 'VPCP')
      let started = performance.now()
      const draft = proposeDraft(db, text, 'dán văn bản')
      samples.extract.push(performance.now() - started)
      draft.directive.number = '34/CT-UBND'
      started = performance.now()
      tasks002 = confirmIntake(db, office, draft).taskCount
      samples.confirm002.push(performance.now() - started)

      started = performance.now()
      tasksSynthetic = confirmIntake(db, office, syntheticConclusion()).taskCount
      samples.confirmSynthetic.push(performance.now() - started)

      const directiveId = makeDirective(db, office)
      started = performance.now()
      tasksHand = addItem(db, office, directiveId, { ref: '1', content: 'Rà soát thủ tục hành chính', leads: ['G-TINH'], supports: ['BNV', 'BTP'], deadline: { kind: 'date', dueOn: '2024-06-30' } }).taskIds.length
      samples.handEntry.push(performance.now() - started)
      // A fast path that broke the chain would not be a speed-up.
      if (!verifyHistoryChain(db).ok) throw new Error('history chain broken after intake')
    } finally {
      db.$client.close()
      for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true })
    }
  }
  console.log(`\nintake confirmation — median of ${runs} runs, each on a fresh database`)
  const lines: Array<[string, number[]]> = [
    ['extraction of 002_1ca8dc2ac5247edc.txt (the draft)', samples.extract],
    [`confirm 002 (${tasks002} tasks)`, samples.confirm002],
    [`confirm a 40-item conclusion (${tasksSynthetic} tasks)`, samples.confirmSynthetic],
    [`hand entry: one item to every province (${tasksHand} tasks)`, samples.handEntry],
  ]
  for (const [label, xs] of lines) console.log(`  ${label.padEnd(56)} ${median(xs).toFixed(1).padStart(8)} ms`)
}
