// Refuses input that cannot be a Vietnamese directive before any parsing: empty text, binary data, other languages.
import { ExtractionError } from './errors'
import { foldAligned } from './fold'

const VIETNAMESE_LETTERS = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/giu
const LETTERS = /\p{L}/gu
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
  const letters = sample.match(LETTERS)?.length ?? 0
  if (letters === 0) throw new ExtractionError('not-vietnamese')
  const marked = sample.match(VIETNAMESE_LETTERS)?.length ?? 0
  if (marked / letters >= 0.03) return
  const words = foldAligned(sample).split(/[^a-z]+/).filter(Boolean)
  const common = words.filter((w) => COMMON.has(w)).length
  if (words.length > 0 && common / words.length >= 0.15) return
  throw new ExtractionError('not-vietnamese')
}
