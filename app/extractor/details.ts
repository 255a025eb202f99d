// The expected output of a task ("ban hành 02 Nghị định", "báo cáo Thủ tướng Chính phủ …") and its measurable
// target ("đạt trên 90%", "50% hồ sơ TTHC được …"), and targets with milestones per year.
import type { IsoDate } from '../../db/reference/types'
import { endOfYear } from '../domain/dates'
import { foldAligned } from './fold'
import { capitalise } from './sentences'
import type { ExtractedDeadline } from './types'

const PRODUCTS =
  'nghi dinh|thong tu|quyet dinh|chi thi|ke hoach|de an|bao cao|huong dan|quy che|quy trinh|chuong trinh|nghi quyet|luat|van ban|he thong|bo chi so|khung|mo hinh mau|co so du lieu|phan mem|nen tang|cong thong tin|tai lieu|so tay|quy dinh|tieu chi|danh muc|phuong an|chinh sach|bo tieu chi|chien luoc|quy hoach'
const PRODUCE_RE = new RegExp(
  String.raw`\b(?:ban hanh|trinh(?! tu\b)(?: [a-z ,]{0,40}?)?|xay dung|hoan thien|soan thao|sua doi|bo sung|hoan thanh|xay dung va ban hanh)\s+((?:(?:\d+|cac|mot)\s+)?(?:du thao\s+)?(?:${PRODUCTS})\b)`,
  'g',
)
const REPORT_RE = /\bbao cao\s+(?=(?:thu tuong|cp|chinh phu|ubnd|uy ban|chu tich|bo |ban chi dao|hdnd|hoi dong|tinh uy|so |van phong|ket qua|tinh hinh|tien do))/g
const NOT_A_PRODUCT = /\b(ve viec|viec|trinh tu|thu tuc|quy trinh|tham quyen|da|duoc|kem theo|chi|cua chinh phu|cua thu tuong chinh phu|cua ubnd tinh|cua uy ban nhan dan tinh)\s*$/
// Where a noun phrase for an output ends.
const OUTPUT_STOP = /[;.:(]|,\s*(?=(?:som|trinh|hoan thanh|bao dam|dam bao|de|nham|trong do|dong thoi|kip thoi|khan truong|tich hop|chia se|ket noi|tham muu|to chuc|trien khai|phoi hop|phan dau|dac biet|nhat la)\b)|\s(?=(?:de|nham|tren co so|theo|bao dam|dam bao|dap ung|phuc vu|lien quan den|truoc ngay|trong thang|trong quy|trong nam|hoan thanh|va (?:tich hop|chia se|ket noi|trien khai|to chuc|huong dan|trinh|kip thoi))\b)/

function phraseFrom(text: string, folded: string, start: number, maxWords = 24): string {
  const rest = folded.slice(start)
  const stop = OUTPUT_STOP.exec(rest)
  let end = start + (stop ? stop.index : rest.length)
  const words = text.slice(start, end).split(/\s+/)
  if (words.length > maxWords) end = start + words.slice(0, maxWords).join(' ').length
  return capitalise(text.slice(start, end).trim().replace(/[,\s]+$/, ''))
}

/** The product a task must deliver, when it names one. */
export function findOutput(text: string, folded: string = foldAligned(text)): string | null {
  PRODUCE_RE.lastIndex = 0
  for (let m = PRODUCE_RE.exec(folded); m !== null; m = PRODUCE_RE.exec(folded)) {
    // "trình tự ban hành văn bản", "Quyết định … về việc ban hành Đề án", "chỉ ban hành các quy định cần thiết":
    // a reference or a manner, not a product owed.
    if (NOT_A_PRODUCT.test(folded.slice(Math.max(0, m.index - 30), m.index))) continue
    const start = m.index + m[0].length - m[1].length
    return phraseFrom(text, folded, start)
  }
  REPORT_RE.lastIndex = 0
  for (let m = REPORT_RE.exec(folded); m !== null; m = REPORT_RE.exec(folded)) {
    // "trường hợp vượt thẩm quyền báo cáo …" is an escalation, not a deliverable.
    if (/(?:tham quyen|truong hop|neu|khi can thiet)[a-z ,]{0,12}$/.test(folded.slice(Math.max(0, m.index - 30), m.index))) continue
    return phraseFrom(text, folded, m.index, 14)
  }
  return null
}

const TARGET_AFTER_VERB = /\bdat\s+((?:(?:tren|tu|toi thieu|it nhat|khoang|tren muc|duoi|khong qua)\s+)?\d+(?:[,.]\d+)?\s?%)/
const TARGET_CLAUSE = /(?:^|[,;:]\s*)(\d+(?:[,.]\d+)?\s?%\s+[^;.]{3,200})/

/** The measurable goal of a task: 'trên 90%', '50% hồ sơ TTHC được …'. */
export function findTarget(text: string, folded: string = foldAligned(text)): string | null {
  const after = TARGET_AFTER_VERB.exec(folded)
  if (after) {
    const start = after.index + after[0].length - after[1].length
    return text.slice(start, start + after[1].length)
  }
  const clause = TARGET_CLAUSE.exec(folded)
  if (clause) {
    const start = clause.index + clause[0].length - clause[1].length
    return phraseFrom(text, folded, start, 30)
  }
  return null
}

export interface Milestone {
  deadline: ExtractedDeadline
  target: string
}

const MILESTONE_RE = /((?:phan dau\s+)?(?:den\s+)?(?:het\s+)?nam\s+(\d{4}))\s*,?\s+dat\s+((?:(?:tren|tu|toi thieu|it nhat|khoang)\s+)?\d+(?:[,.]\d+)?\s?%)/g

/** "phấn đấu năm 2023 đạt trên 85%, đến năm 2025 đạt 95%": one target per year, each with its own deadline. */
export function findMilestones(text: string, folded: string = foldAligned(text)): Milestone[] {
  const out: Milestone[] = []
  MILESTONE_RE.lastIndex = 0
  for (let m = MILESTONE_RE.exec(folded); m !== null; m = MILESTONE_RE.exec(folded)) {
    const year = Number(m[2])
    const targetStart = m.index + m[0].length - m[3].length
    const dueOn: IsoDate = endOfYear(year)
    out.push({
      deadline: { kind: 'year', dueOn, recurrence: null, phrase: text.slice(m.index, m.index + m[1].length) },
      target: text.slice(targetStart, targetStart + m[3].length),
    })
  }
  return out
}
