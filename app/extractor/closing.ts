// The closing paragraph of a directive: duties that apply to every addressee ("Định kỳ 06 tháng báo cáo …"),
// the office that monitors execution ("Giao Văn phòng UBND tỉnh theo dõi, đôn đốc, kiểm tra"), and boilerplate.
import { namedOpening, tokenized } from './addressees'
import { findDeadlines, pickDeadline } from './deadlines'
import { findOutput } from './details'
import { foldAligned } from './fold'
import { leaderAsk } from './lexicon'
import { capitalise, sentenceSpans } from './sentences'
import { draftsOfUnit, isBoilerplate, opensWithDuty, type Assembly } from './tasks'
import type { AgencyRef } from './types'

const THIS_DOCUMENT = /\b(chi thi|thong bao|quyet dinh|ke hoach|cong dien|cong van|nghi quyet|van ban) nay\b/
// "tổ chức thực hiện nghiêm Chỉ thị này": the order to execute the document, which only a closing gives.
const EXECUTE = /\b(to chuc thuc hien|thuc hien nghiem|trien khai thuc hien|nghiem tuc thuc hien|thi hanh)\b/
const CONDITIONAL = /^\s*(trong qua trinh (?:to chuc )?(?:trien khai )?thuc hien|neu co|truong hop)/
const MONITOR = /\b(theo doi|don doc|kiem tra|tong hop)\b/

/**
 * An unnumbered paragraph that closes a directive: "… biết, thực hiện./.", "Trên đây là …", "Yêu cầu … tổ chức
 * thực hiện nghiêm Chỉ thị này. Định kỳ …".
 */
export function isClosing(p: string): boolean {
  if (/\.\/\.?\s*$/.test(p)) return true
  const f = foldAligned(p)
  return /^tren day\b/.test(f) || (THIS_DOCUMENT.test(f) && EXECUTE.test(f))
}

/** Tasks of the closing paragraphs, numbered 'cuối.1', 'cuối.2', …; `everyone` are the addressees of the body. */
export function closingTasks(paragraphs: string[], everyone: AgencyRef[], a: Assembly): void {
  let addressees: AgencyRef[] = everyone
  let n = 0
  for (const p of paragraphs) {
    for (const [start, end] of sentenceSpans(p)) {
      const sentence = p.slice(start, end).trim()
      const content = sentence.replace(/\s*\.\/\.?\s*$/, '').replace(/[;,.]+$/, '').trim()
      if (content === '') continue
      const folded = foldAligned(content)
      const named = namedOpening(tokenized(content), a.resolver)?.refs ?? null
      // "Yêu cầu X tổ chức thực hiện nghiêm Chỉ thị này": names who the closing duties fall on.
      if (named && THIS_DOCUMENT.test(folded) && EXECUTE.test(folded) && !MONITOR.test(folded)) {
        addressees = named
        continue
      }
      if (isBoilerplate(content) || CONDITIONAL.test(folded)) continue
      // A news report may end with the leader's conclusion: "Kết luận phiên họp, Thủ tướng yêu cầu …".
      const ask = leaderAsk(folded)
      if (ask) {
        for (const d of draftsOfUnit(capitalise(content.slice(ask.dutyStart)), { leads: addressees, supports: [], deadline: null }, a).drafts) {
          n++
          a.tasks.push({ ref: `cuối.${n}`, ...d })
        }
        continue
      }
      const recurring = findDeadlines(content, a.issuedOn).some((d) => d.kind === 'recurring')
      if ((recurring && /\bbao cao\b/.test(folded)) || (named && opensWithDuty(content, a.resolver))) {
        n++
        const leads = named ?? addressees
        a.tasks.push({
          ref: `cuối.${n}`,
          content: `${content}.`,
          leads,
          supports: [],
          deadline: pickDeadline(content, a.issuedOn, null),
          output: findOutput(content, folded),
          target: null,
        })
      } else a.unassigned.push(sentence)
    }
  }
}
