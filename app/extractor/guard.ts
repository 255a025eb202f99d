// Refuses input that cannot be a Vietnamese directive before any parsing: empty text, binary data, other languages.
import { ExtractionError } from './errors'
import { foldAligned } from './fold'

// The letters that only Vietnamese spelling uses (lower case; upper case is lowered before the lookup).
const VIETNAMESE = new Set('àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ')

// Frequent words of Vietnamese administrative text, folded: they still identify a text typed without diacritics.
const COMMON = new Set(
  'cac va cua cho voi trong nhung duoc la co khong thuc hien nhiem vu bo tinh so ban hanh chinh phu nguoi dan doanh nghiep cong tac chi dao theo tai de ve tren nam thang ngay quy cap dia phuong nganh trien khai bao cao'.split(' '),
)

/** Throws an ExtractionError when the text is empty, binary or not Vietnamese. */
export function assertReadable(text: string): void {
  if (typeof text !== 'string' || text.trim() === '') throw new ExtractionError('empty')
  let odd = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0) throw new ExtractionError('binary')
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0xfffd || (c >= 0x7f && c < 0xa0)) odd++
  }
  if (odd > Math.max(8, text.length / 200)) throw new ExtractionError('binary')
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text
  // Counted in one pass rather than with /\p{L}/gu, which builds an array of every letter.
  let letters = 0
  let marked = 0
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i)
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++
    else if (c >= 0xc0 && c < 0x2000) {
      letters++
      if (VIETNAMESE.has(sample[i].toLowerCase())) marked++
    }
  }
  if (letters === 0) throw new ExtractionError('not-vietnamese')
  if (marked / letters >= 0.03) return
  const words = foldAligned(sample).split(/[^a-z]+/).filter(Boolean)
  const common = words.filter((w) => COMMON.has(w)).length
  if (words.length > 0 && common / words.length >= 0.15) return
  throw new ExtractionError('not-vietnamese')
}
