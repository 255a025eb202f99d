// A sanity guard on speed (the real targets are 20 ms for 000 and 500 ms for 1 MB; the bounds here are loose so
// that a slow or busy machine does not fail the suite).
import fs from 'node:fs'
import path from 'node:path'
import { timeExtraction } from '~/extractor'

const DIRECTIVES = path.resolve(import.meta.dirname, '..', 'fixtures', 'directives')
const texts = fs
  .readdirSync(DIRECTIVES)
  .sort()
  .map((f) => fs.readFileSync(path.join(DIRECTIVES, f), 'utf8'))

describe('speed', () => {
  it('extracts 000 in well under 200 ms', () => {
    const t = timeExtraction(texts[0], {}, 9)
    console.log(`000: median ${t.medianMs.toFixed(1)} ms, fastest ${t.minMs.toFixed(1)} ms, ${t.tasks} tasks`)
    expect(t.tasks).toBe(36)
    expect(t.medianMs).toBeLessThan(200)
  })

  it('extracts a 1 MB concatenation of the seed documents in under 3 s', () => {
    let big = ''
    while (big.length < 1_000_000) big += `${texts.join('\n\n')}\n\n`
    const t = timeExtraction(big, {}, 3)
    console.log(`1 MB (${(big.length / 1e6).toFixed(2)} M characters): median ${t.medianMs.toFixed(0)} ms, fastest ${t.minMs.toFixed(0)} ms, ${t.tasks} tasks`)
    expect(t.medianMs).toBeLessThan(3000)
  })

  it('extracts 1 MB dense with tasks (section 6 of 000 over and over) in under 3 s', () => {
    const section = texts[0].slice(texts[0].indexOf('6. Về nhiệm vụ'), texts[0].indexOf('Văn phòng Chính phủ thông báo'))
    let dense = 'THÔNG BÁO\nKết luận\n\n'
    while (dense.length < 1_000_000) dense += `${section}\n\n`
    const t = timeExtraction(dense, {}, 3)
    console.log(`1 MB of task sections: median ${t.medianMs.toFixed(0)} ms, ${t.tasks} tasks`)
    expect(t.tasks).toBeGreaterThan(3000)
    expect(t.medianMs).toBeLessThan(3000)
  })
})
