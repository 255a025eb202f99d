// Field-by-field comparison of an extraction with a hand-checked expected result: tasks matched by ref, then by
// content; recall and precision for tasks, agencies (role and code, or name when unresolved) and deadlines.
import { foldVietnamese } from '~/domain/text'
import type { AgencyRef, ExtractedTask, ExtractionResult } from '~/extractor'

export interface Score {
  recall: number
  precision: number
  /** Counts behind the ratios, for the printed report. */
  hit: number
  expected: number
  actual: number
}

export interface Comparison {
  tasks: Score
  agencies: Score
  deadlines: Score
  /** Informational: agreement of outputs and targets on matched tasks (word overlap ≥ 0.5, or both empty). */
  outputs: number
  targets: number
  differences: string[]
}

function words(s: string): Set<string> {
  return new Set(foldVietnamese(s).split(/[^a-z0-9%]+/).filter(Boolean))
}

/** Jaccard overlap of the folded words of two texts. */
export function similarity(a: string, b: string): number {
  const x = words(a)
  const y = words(b)
  let common = 0
  for (const w of x) if (y.has(w)) common++
  const union = x.size + y.size - common
  return union === 0 ? 1 : common / union
}

function agencyKeys(t: ExtractedTask): string[] {
  const key = (role: string) => (a: AgencyRef) => `${role}:${a.code ?? `?${foldVietnamese(a.name)}`}`
  return [...t.leads.map(key('lead')), ...t.supports.map(key('support'))]
}

function sameText(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b
  return similarity(a, b) >= 0.5
}

function score(hit: number, expected: number, actual: number): Score {
  return { recall: expected === 0 ? 1 : hit / expected, precision: actual === 0 ? 1 : hit / actual, hit, expected, actual }
}

/** Pairs each expected task with an actual one: same ref first, then the most similar content (≥ 0.6). */
export function matchTasks(expected: ExtractedTask[], actual: ExtractedTask[]): Array<[ExtractedTask, ExtractedTask]> {
  const pairs: Array<[ExtractedTask, ExtractedTask]> = []
  const free = new Set(actual)
  const left: ExtractedTask[] = []
  for (const e of expected) {
    const same = actual.find((a) => free.has(a) && a.ref === e.ref && similarity(a.content, e.content) >= 0.6)
    if (same) {
      pairs.push([e, same])
      free.delete(same)
    } else left.push(e)
  }
  for (const e of left) {
    let best: ExtractedTask | undefined
    let bestScore = 0.6
    for (const a of free) {
      const s = similarity(a.content, e.content)
      if (s >= bestScore) {
        best = a
        bestScore = s
      }
    }
    if (best) {
      pairs.push([e, best])
      free.delete(best)
    }
  }
  return pairs
}

export function compare(expected: ExtractionResult, actual: ExtractionResult): Comparison {
  const pairs = matchTasks(expected.tasks, actual.tasks)
  const differences: string[] = []
  let agencyHits = 0
  let deadlineHits = 0
  let outputs = 0
  let targets = 0
  for (const [e, a] of pairs) {
    const ek = agencyKeys(e)
    const ak = new Set(agencyKeys(a))
    const hits = ek.filter((k) => ak.has(k)).length
    agencyHits += hits
    if (hits !== ek.length || ak.size !== ek.length) differences.push(`${e.ref} agencies: expected ${ek.join(' ')} got ${[...ak].join(' ')}`)
    const sameDeadline = e.deadline.kind === a.deadline.kind && e.deadline.dueOn === a.deadline.dueOn && e.deadline.recurrence === a.deadline.recurrence
    if (sameDeadline) deadlineHits++
    else differences.push(`${e.ref} deadline: expected ${JSON.stringify(e.deadline)} got ${JSON.stringify(a.deadline)}`)
    if (e.ref !== a.ref) differences.push(`${e.ref} ref: got ${a.ref}`)
    if (sameText(e.output, a.output)) outputs++
    if (sameText(e.target, a.target)) targets++
  }
  const matched = new Set(pairs.map(([e]) => e))
  for (const e of expected.tasks) if (!matched.has(e)) differences.push(`${e.ref} missing: ${e.content.slice(0, 80)}`)
  const used = new Set(pairs.map(([, a]) => a))
  for (const a of actual.tasks) if (!used.has(a)) differences.push(`${a.ref} extra: ${a.content.slice(0, 80)}`)
  const expectedAgencies = expected.tasks.reduce((n, t) => n + t.leads.length + t.supports.length, 0)
  const actualAgencies = actual.tasks.reduce((n, t) => n + t.leads.length + t.supports.length, 0)
  return {
    tasks: score(pairs.length, expected.tasks.length, actual.tasks.length),
    agencies: score(agencyHits, expectedAgencies, actualAgencies),
    deadlines: score(deadlineHits, expected.tasks.length, actual.tasks.length),
    outputs: pairs.length === 0 ? 1 : outputs / pairs.length,
    targets: pairs.length === 0 ? 1 : targets / pairs.length,
    differences,
  }
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`
}

export function report(name: string, c: Comparison): string {
  const line = (label: string, s: Score) => `  ${label.padEnd(10)} recall ${pct(s.recall).padStart(6)} (${s.hit}/${s.expected})  precision ${pct(s.precision).padStart(6)} (${s.hit}/${s.actual})`
  return [
    `${name}`,
    line('tasks', c.tasks),
    line('agencies', c.agencies),
    line('deadlines', c.deadlines),
    `  outputs agree on ${pct(c.outputs)}, targets on ${pct(c.targets)} of matched tasks (informational)`,
    ...c.differences.map((d) => `  · ${d}`),
  ].join('\n')
}
