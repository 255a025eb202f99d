// Directives written as prose (a news report of a meeting, a dispatch without numbered items): the paragraphs
// after a leader's request ("Thủ tướng yêu cầu …") that open with a duty or an addressee are tasks.
import { openingAddressee, tokenized } from './addressees'
import { foldAligned } from './fold'
import { dutyWordAt } from './lexicon'
import { draftsOfUnit, type Assembly, type Draft, type Inherited } from './tasks'

const LEADER_ASKS = /\b(thu tuong|pho thu tuong|chu tich|bo truong|uy ban nhan dan|ubnd|ban chi dao|giam doc)\b[^.;:]{0,50}?(?<!ban )\b(yeu cau|de nghi|chi dao|giao|ket luan)\b/
const SENTENCE_END = /[.;:!?…]["”’)]?\s*$/

/** Tasks of unnumbered paragraphs; refs are the paragraph's order among the tasks ('1', '2', …). */
export function proseTasks(paragraphs: string[], inherited: Inherited, a: Assembly): void {
  let start = paragraphs.findIndex((p) => LEADER_ASKS.test(foldAligned(p)))
  // A dispatch addressed by "Kính gửi" speaks to its recipients from its first paragraph.
  if (start < 0 && inherited.leads.length > 0) start = 0
  if (start < 0) return
  let n = 0
  for (let i = start; i < paragraphs.length; i++) {
    const p = paragraphs[i]
    const folded = foldAligned(p)
    const ask = LEADER_ASKS.exec(folded)
    let text: string | null = null
    if (ask) text = p.slice(ask.index)
    else if (SENTENCE_END.test(p)) {
      const t = tokenized(p)
      const opening = openingAddressee(t, a.resolver)
      const firstWords = folded.split(/\s+/).slice(0, 10).join(' ')
      const duty = dutyWordAt(t.tokens, 0) > 0 && t.tokens[0].text !== 'da' && t.tokens[0].text !== 'dang'
      if ((duty || (opening !== null && opening.refs.length > 0)) && !/\bda\b/.test(firstWords)) text = p
    }
    if (text === null) {
      if (SENTENCE_END.test(p)) a.unassigned.push(p)
      continue
    }
    const drafts: Draft[] = draftsOfUnit(text, inherited, a).drafts
    drafts.forEach((d, k) => {
      if (k === 0) n++
      a.tasks.push({ ref: k === 0 ? String(n) : `${n}(${k + 1})`, ...d })
    })
  }
}
