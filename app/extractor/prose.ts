// Directives written as prose (a news report of a meeting, a dispatch without numbered items): the paragraphs
// after a leader's request ("Thủ tướng yêu cầu …") that open with a duty or an addressee are tasks.
import { foldAligned } from './fold'
import { leaderAsk } from './lexicon'
import { capitalise } from './sentences'
import { draftsOfUnit, opensWithDuty, type Assembly, type Inherited } from './tasks'

const SENTENCE_END = /[.;:!?…]["”’)]?\s*$/
// What a dispatch says before its requests: "Thực hiện Công văn số … ngày …, Ủy ban nhân dân tỉnh có ý kiến như sau:".
const PREAMBLE = /^(thuc hien|can cu|theo de nghi|xet de nghi|tiep theo|phuc dap|nham|de)\b[^.]{0,200}?\b(so \d|ngay \d|nhu sau)/

/**
 * Tasks of unnumbered paragraphs, from the first leader's request on (or from the start of a dispatch that has
 * "Kính gửi" addressees); refs are the order of the tasks ('1', '2', …).
 */
export function proseTasks(paragraphs: string[], inherited: Inherited, a: Assembly): void {
  let start = paragraphs.findIndex((p) => leaderAsk(foldAligned(p)) !== null)
  if (start < 0 && inherited.leads.length > 0) start = 0
  if (start < 0) return
  let n = 0
  for (let i = start; i < paragraphs.length; i++) {
    const p = paragraphs[i]
    const folded = foldAligned(p)
    if (/:\s*$/.test(p) && !/\b(yeu cau|de nghi)\b/.test(folded.slice(-40))) continue
    if (PREAMBLE.test(folded)) continue
    const ask = leaderAsk(folded)
    // The duty starts after the request: "Thủ tướng yêu cầu, tập trung …" asks for "Tập trung …".
    const text = ask ? capitalise(p.slice(ask.dutyStart)) : SENTENCE_END.test(p) && opensWithDuty(p, a.resolver) ? p : null
    if (text === null) {
      if (SENTENCE_END.test(p)) a.unassigned.push(p)
      continue
    }
    draftsOfUnit(text, inherited, a).drafts.forEach((d, k) => {
      if (k === 0) n++
      a.tasks.push({ ref: k === 0 ? String(n) : `${n}(${k + 1})`, ...d })
    })
  }
}
