// Benchmark of the extractor: one real conclusion notice, and 1 MB made by concatenating the seed documents.
import fs from 'node:fs'
import path from 'node:path'
import { timeExtraction } from '../../app/extractor'

export function benchExtraction() {
  const dir = path.resolve('tests/fixtures/directives')
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
  const one = fs.readFileSync(path.join(dir, '000_506597647e220cc6.txt'), 'utf8')
  const all = files.map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n\n')
  let big = ''
  while (Buffer.byteLength(big) < 1024 * 1024) big += `${all}\n\n`
  const small = timeExtraction(one, {}, 25)
  const large = timeExtraction(big, { issuedOn: '2024-01-01' }, 5)
  console.log('\nextraction')
  console.log(`  000_506597647e220cc6.txt (${(Buffer.byteLength(one) / 1024).toFixed(0)} KiB)   median ${small.medianMs.toFixed(1)} ms, ${small.tasks} tasks`)
  console.log(`  1 MB of the seed documents                median ${large.medianMs.toFixed(0)} ms, ${large.tasks} tasks`)
}
