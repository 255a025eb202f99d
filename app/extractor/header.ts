// The frame of an official document: its header (number, place and date, type, title, "Kính gửi"), and the
// recipients list and signature at its foot, separated from the body that holds the tasks.
import type { DirectiveType, IsoDate } from '../../db/reference/types'
import { parseVnDate } from '../domain/dates'
import { foldAligned } from './fold'
import { markerOf } from './outline'
import { isAllCaps } from './normalize'

export interface Frame {
  type: DirectiveType
  number: string | null
  title: string | null
  issuedOn: IsoDate | null
  /** "Nghệ An" in "Nghệ An, ngày 28 tháng 12 năm 2023". */
  place: string | null
  signer: string | null
  /** Words that name the issuer: capitals above the type ("BỘ NỘI VỤ"), the code after the number ("VPCP"). */
  issuerHints: string[]
  /** Signature titles: "TM. ỦY BAN NHÂN DÂN", "KT. BỘ TRƯỞNG". */
  signatureTitles: string[]
  /** The addressees of a dispatch ("Kính gửi: - Các Sở, ban, ngành; …"). */
  recipients: string[]
  /** The paragraphs that hold the tasks; an empty string marks where an attached document (a plan attached to a
   * decision) begins, after the signature of the first. */
  body: string[]
}

const TYPE_WORDS: Array<[RegExp, DirectiveType]> = [
  [/^thong bao/, 'thong_bao_ket_luan'],
  [/^chi thi/, 'chi_thi'],
  [/^nghi quyet/, 'nghi_quyet'],
  [/^quyet dinh/, 'quyet_dinh'],
  [/^ke hoach/, 'ke_hoach'],
  [/^cong van/, 'cong_van'],
  [/^cong dien/, 'cong_dien'],
  [/^(bao cao|to trinh|chuong trinh|de an|huong dan|quy che|ban tin|thu moi|giay moi)/, 'other'],
]
// The type code in a number such as 44/TB-VPCP; a number without one (123/UBND-KSTT) is a dispatch.
const TYPE_CODES: Record<string, DirectiveType> = {
  TB: 'thong_bao_ket_luan',
  CT: 'chi_thi',
  NQ: 'nghi_quyet',
  QĐ: 'quyet_dinh',
  QD: 'quyet_dinh',
  KH: 'ke_hoach',
  CĐ: 'cong_dien',
  CD: 'cong_dien',
  BC: 'other',
  TTR: 'other',
  CTR: 'other',
  HD: 'other',
  GM: 'other',
}
const NUMBER_RE = /^Số\s*:?\s*([0-9]*[A-Za-z]?(?:\/\d{4})?\/[\p{L}0-9&.]+(?:-[\p{L}0-9&.]+)*)/u
const PLACE_DATE_RE = /^([a-z][a-z .'-]{1,40}),\s*ngay\s*(\d{1,2})?\s*(?:thang\s*(\d{1,2})\s*nam\s*(\d{4})|\/\s*(\d{1,2})\s*\/\s*(\d{4}))/
// The recipients of a telegram: "THỦ TƯỚNG CHÍNH PHỦ điện:" followed by a list, like "Kính gửi:".
const RECIPIENTS_RE = /^(kinh gui\b|[a-z ,]{3,60}\bdien\s*:)/
const SIGNATURE_TITLE = /^(?:(?:tm|kt|tl|tuq|q)\s*\.|(?:pho )?(?:chu tich|bo truong|thu truong|thu tuong|giam doc|chu nhiem|chanh van phong|truong ban|vien truong|tong cuc truong|cuc truong)\b)/
const SIGNED = /^[([]?\s*(?:da ky|ky|da ki|ky ten)(?: va dong dau)?\s*[)\]]?$/
const NAME_RE = /^\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,4}$/u
const NOT_A_NAME = /^(noi nhan|kinh gui|can cu|ha noi|thu tuong|chu tich|giam doc|bo truong|uy ban|van phong)/

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length
}

function typeOfLine(p: string): { type: DirectiveType; rest: string } | null {
  const line = p.replace(/:\s*$/, '')
  if (!isAllCaps(line) || wordCount(line) > 14 || markerOf(line) !== null) return null
  const folded = foldAligned(line)
  for (const [re, type] of TYPE_WORDS) {
    const m = re.exec(folded)
    if (m) return { type, rest: line.slice(m[0].length).trim() }
  }
  return null
}

function readPlaceDate(text: string, frame: Frame): boolean {
  const folded = foldAligned(text)
  const m = PLACE_DATE_RE.exec(folded)
  if (m === null) return false
  frame.place = text.slice(0, m[1].length).trim()
  const day = m[2]
  const month = m[3] ?? m[5]
  const year = m[4] ?? m[6]
  // "ngày tháng 3 năm 2020" (a draft whose day was never filled in) has no issue date.
  if (day) frame.issuedOn = parseVnDate(`${day}/${month}/${year}`)
  return true
}

function isName(p: string): boolean {
  return NAME_RE.test(p) && !NOT_A_NAME.test(foldAligned(p))
}

function isSignatureTitle(p: string): boolean {
  return p.length < 120 && wordCount(p) <= 12 && (isAllCaps(p) || /^(TM|KT|TL|TUQ|Q)\s*\./.test(p)) && SIGNATURE_TITLE.test(foldAligned(p))
}

function parseNumber(raw: string): { number: string | null; type: DirectiveType | null; issuerCode: string | null } {
  const slash = raw.lastIndexOf('/')
  const digits = /^\d/.test(raw)
  const codes = raw.slice(slash + 1).split('-')
  const typeCode = codes[0].toUpperCase()
  const known = TYPE_CODES[typeCode]
  const issuerCode = known !== undefined ? (codes[1] ?? null) : codes[0]
  return { number: digits ? raw : null, type: known ?? (digits || codes.length > 1 ? 'cong_van' : null), issuerCode }
}

/** Splits a document's paragraphs into its header, its body and its foot (recipients and signature). */
export function readFrame(paragraphs: string[]): Frame {
  const frame: Frame = {
    type: 'other',
    number: null,
    title: null,
    issuedOn: null,
    place: null,
    signer: null,
    issuerHints: [],
    signatureTitles: [],
    recipients: [],
    body: [],
  }
  let typeFromNumber: DirectiveType | null = null
  let typeFound = false
  let i = 0
  const limit = Math.min(paragraphs.length, 25)
  for (; i < limit; i++) {
    const p = paragraphs[i]
    const folded = foldAligned(p)
    const number = NUMBER_RE.exec(p)
    if (number) {
      const parsed = parseNumber(number[1])
      frame.number = parsed.number
      typeFromNumber = parsed.type
      if (parsed.issuerCode) frame.issuerHints.push(parsed.issuerCode)
      // The header's two columns pasted on one line: "Số: 97/CĐ-TTg    Hà Nội, ngày 14 tháng 10 năm 2024".
      const rest = p.slice(number.index + number[0].length).trim()
      if (rest) readPlaceDate(rest, frame)
      continue
    }
    if (wordCount(p) <= 14 && readPlaceDate(p, frame)) continue
    const type = typeOfLine(p)
    if (type) {
      frame.type = type.type
      typeFound = true
      if (type.rest) frame.title = type.rest
      i++
      break
    }
    if (/^v\/v\b/.test(folded)) {
      frame.title = p.replace(/^V\/v\s*:?\s*/i, '')
      continue
    }
    if (isAllCaps(p) && wordCount(p) <= 12 && markerOf(p) === null) {
      frame.issuerHints.push(p)
      continue
    }
    break
  }
  // Without a type line the header ends at the first paragraph that is not header matter.
  if (!typeFound && typeFromNumber) frame.type = typeFromNumber
  if (typeFound) {
    const titleLines: string[] = frame.title ? [frame.title] : []
    for (; i < paragraphs.length && titleLines.length < 3; i++) {
      const p = paragraphs[i]
      const folded = foldAligned(p)
      if (markerOf(p) !== null || /[.;]$/.test(p) || wordCount(p) > 60) break
      // "Về việc …" then "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" (who decides): a change of case ends the title.
      if (titleLines.length > 0 && isAllCaps(p) !== isAllCaps(titleLines[titleLines.length - 1])) break
      if (/^(can cu|kinh gui|thuc hien|ngay \d|de |theo de nghi|xet de nghi)/.test(folded) || /:\s*$/.test(p) || typeOfLine(p) !== null) break
      if (/^\(.*\)$/.test(p)) {
        i++
        break
      }
      titleLines.push(p)
    }
    if (titleLines.length > 0) frame.title = titleLines.join(' ')
  }
  // "Kính gửi: …" with the addressees on the same line or as a list below.
  if (i < paragraphs.length && RECIPIENTS_RE.test(foldAligned(paragraphs[i]))) {
    const first = paragraphs[i].replace(/^Kính gửi\s*:?\s*|^.*(?:^|\s)điện\s*:\s*/iu, '').trim()
    if (first) frame.recipients.push(first.replace(/^[-–+]\s*/, '').replace(/[;.,]$/, ''))
    for (i++; i < paragraphs.length; i++) {
      const m = markerOf(paragraphs[i])
      if (m === null || (m.kind !== 'dash' && m.kind !== 'plus')) break
      frame.recipients.push(m.rest.replace(/[;.,]$/, ''))
    }
  }
  frame.body = footless(paragraphs.slice(i), frame)
  return frame
}

// The first paragraph of an attached document after its header: the issuer in capitals, the type, the title and
// "(Ban hành kèm theo Quyết định số …)". A "Nơi nhận" list after the signature is not a header; it stays.
function attachmentStart(paragraphs: string[], i: number): number {
  let typed = false
  let title = 0
  for (; i < paragraphs.length; i++) {
    const p = paragraphs[i]
    if (typeOfLine(p)) typed = true
    else if (/^\(.*\)$/.test(p) && /kem theo/.test(foldAligned(p))) continue
    else if (isAllCaps(p) && wordCount(p) <= 14 && markerOf(p) === null) continue
    else if (typed && title < 3 && markerOf(p) === null && !/[.;:]$/.test(p) && wordCount(p) <= 60) title++
    else break
  }
  return i
}

// Removes the "Nơi nhận" lists and signature blocks (which may stand before or after each other, and recur
// when a plan is attached to a decision), noting the signer and the titles above the signature.
function footless(paragraphs: string[], frame: Frame): string[] {
  const body: string[] = []
  let recipients = false
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]
    // Foot lines are short; a long paragraph is body text and is kept without further tests.
    if (p.length > 200 && !recipients) {
      body.push(p)
      continue
    }
    const folded = foldAligned(p.slice(0, 60))
    if (/^noi nhan\b/.test(folded)) {
      recipients = true
      continue
    }
    if (isSignatureTitle(p)) {
      // A signature title is followed, within a few lines, by the signer's name.
      let j = i + 1
      while (j < paragraphs.length && j <= i + 4 && (isSignatureTitle(paragraphs[j]) || SIGNED.test(foldAligned(paragraphs[j])) || isAllCaps(paragraphs[j]))) j++
      if (j < paragraphs.length && isName(paragraphs[j])) {
        for (let k = i; k < j; k++) if (!SIGNED.test(foldAligned(paragraphs[k]))) frame.signatureTitles.push(paragraphs[k])
        // The first signature names the signer; what follows a signature is an attachment with its own header.
        frame.signer ??= paragraphs[j]
        i = attachmentStart(paragraphs, j + 1) - 1
        if (i + 1 < paragraphs.length) body.push('')
        recipients = false
        continue
      }
    }
    if (recipients) {
      const m = markerOf(p)
      if ((m !== null && (m.kind === 'dash' || m.kind === 'plus')) || (m === null && wordCount(p) <= 14 && !isAllCaps(p))) {
        if (isName(p)) {
          frame.signer ??= p
          recipients = false
        }
        continue
      }
      recipients = false
    }
    if (SIGNED.test(folded)) continue
    body.push(p)
  }
  return body
}
