// The extractor against hand-checked readings of the two canonical directives: recall and precision ≥ 95%.
import fs from 'node:fs'
import path from 'node:path'
import { extractDirective, type ExtractionResult } from '~/extractor'
import { compare, report } from './compare'

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures')
// The directives live beside the repository (../shared/directives); the test reads its own copies so that it
// does not depend on the sibling folder, and checks that the copies are still the same when the folder is there.
const SHARED = path.resolve('..', 'shared', 'directives')

function directive(file: string): string {
  return fs.readFileSync(path.join(FIXTURES, 'directives', file), 'utf8')
}

function expected(stem: string): ExtractionResult {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, `${stem}.expected.json`), 'utf8')) as ExtractionResult
}

describe.each([
  ['000_506597647e220cc6', 'section 6 of the Thông báo kết luận'],
  ['002_1ca8dc2ac5247edc', 'sections 1–10 and the closing duties of the Chỉ thị'],
])('%s (%s)', (stem) => {
  const result = extractDirective(directive(`${stem}.txt`))
  const want = expected(stem)
  const c = compare(want, result)

  it('reaches 95% recall and precision for tasks, agencies and deadlines', () => {
    console.log(report(stem, c))
    for (const s of [c.tasks, c.agencies, c.deadlines]) {
      expect(s.recall).toBeGreaterThanOrEqual(0.95)
      expect(s.precision).toBeGreaterThanOrEqual(0.95)
    }
  })

  it('reads the header', () => {
    expect(result.directive).toEqual(want.directive)
  })

  it('leaves no paragraph of the task sections unaccounted for', () => {
    expect(result.unassigned).toEqual(want.unassigned)
  })

  it('uses the same text as the shared folder, when it is there', () => {
    const shared = path.join(SHARED, `${stem}.txt`)
    if (!fs.existsSync(shared)) return
    expect(fs.readFileSync(shared, 'utf8')).toBe(directive(`${stem}.txt`))
  })
})
