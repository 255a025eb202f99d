// One line per extracted task for readable comparisons: "ref | lead codes | support codes | deadline", with an
// unresolved agency shown as ?name.
import type { ExtractedTask } from '../../app/extractor'

export function taskRow(t: ExtractedTask): string {
  const agencies = (list: ExtractedTask['leads']) => list.map((a) => a.code ?? `?${a.name}`).join(',')
  return `${t.ref} | ${agencies(t.leads)} | ${agencies(t.supports)} | ${t.deadline.kind} ${t.deadline.dueOn ?? t.deadline.recurrence ?? ''}`.trim()
}
