// The frame of an official document: its header (number, place and date, type, title, "Kính gửi"), and the
// recipients list and signature at its foot, separated from the body that holds the tasks.
import type { DirectiveType, IsoDate } from '../../db/reference/types'
import { isValidIsoDate } from '../domain/dates'
import { foldAligned } from './fold'
import { markerOf } from './outline'

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
const SIGNATURE_TITLE = /^(?:(?:tm|kt|tl|tuq|q)\s*\.|(?:pho )?(?:chu tich|bo truong|thu truong|thu tuong|giam doc|chu nhiem|chanh van phong|truong ban|vien truong|tong cuc truong|cuc truong)\b)/
const SIGNED = /^[([]?\s*(?:da ky|ky|da ki|ky ten)(?: va dong dau)?\s*[)\]]?$/
const NAME_RE = /^\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,4}$/u
const NOT_A_NAME = /^(noi nhan|kinh gui|can cu|ha noi|thu tuong|chu tich|giam doc|bo truong|uy ban|van phong)/

function isAllCaps(s: string): boolean {
  return s === s.toUpperCase() && /\p{Lu}/u.test(s)
}

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

function isName(p: string): boolean {
  return NAME_RE.test(p) && !NOT_A_NAME.test(foldAligned(p))
}

function isSignatureTitle(p: string): boolean {
  return wordCount(p) <= 12 && (isAllCaps(p) || /^(TM|KT|TL|TUQ|Q)\s*\./.test(p)) && SIGNATURE_TITLE.test(foldAligned(p))
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
      continue
    }
    const placeDate = PLACE_DATE_RE.exec(folded)
    if (placeDate && wordCount(p) <= 14) {
      frame.place = p.slice(0, placeDate[1].length).trim()
      const day = placeDate[2]
      const month = placeDate[3] ?? placeDate[5]
      const year = placeDate[4] ?? placeDate[6]
      const iso = day ? `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` : ''
      if (isValidIsoDate(iso)) frame.issuedOn = iso
      continue
    }
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
  if (!typeFound) {
    if (typeFromNumber) frame.type = typeFromNumber
    // Without a type line the header ends at the first paragraph that is not header matter.
  } else {
    const titleLines: string[] = frame.title ? [frame.title] : []
    for (; i < paragraphs.length && titleLines.length < 3; i++) {
      const p = paragraphs[i]
      const folded = foldAligned(p)
      if (markerOf(p) !== null || /[.;]$/.test(p) || wordCount(p) > 60) break
      if (/^(can cu|kinh gui|thuc hien|ngay \d|de |theo de nghi|xet de nghi)/.test(folded) || typeOfLine(p) !== null) break
      if (/^\(.*\)$/.test(p)) {
        i++
        break
      }
      titleLines.push(p)
    }
    if (titleLines.length > 0) frame.title = titleLines.join(' ')
  }
  // "Kính gửi: …" with the addressees on the same line or as a list below.
  if (i < paragraphs.length && /^kinh gui\b/.test(foldAligned(paragraphs[i]))) {
    const first = paragraphs[i].replace(/^Kính gửi\s*:?\s*/iu, '').trim()
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

// Removes the "Nơi nhận" lists and signature blocks (which may stand before or after each other, and recur
// when a plan is attached to a decision), noting the signer and the titles above the signature.
function footless(paragraphs: string[], frame: Frame): string[] {
  const body: string[] = []
  let recipients = false
  for (let i = 0; i < paragraphs.length; i++) {
    const p = paragraphs[i]
    const folded = foldAligned(p)
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
        frame.signer = paragraphs[j]
        i = j
        recipients = false
        continue
      }
    }
    if (recipients) {
      const m = markerOf(p)
      if ((m !== null && (m.kind === 'dash' || m.kind === 'plus')) || (m === null && wordCount(p) <= 14 && !isAllCaps(p))) {
        if (isName(p)) {
          frame.signer = p
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
