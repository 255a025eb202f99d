// Decodes an uploaded plain-text file: UTF-8 with or without BOM, UTF-16 LE/BE (with a BOM, or recognised by
// its zero bytes); refuses binary data and bytes that no supported encoding can read.
import { UploadError } from './errors.server'

const BINARY = 'Tệp không phải văn bản (có ký tự nhị phân): hãy tải lên tệp .txt, .docx, .pdf có lớp chữ hoặc .xlsx.'
const UNDECODABLE = 'Không đọc được mã ký tự của tệp văn bản: hãy lưu lại với mã UTF-8 (Unicode) rồi tải lên lần nữa.'

function decode(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    throw new UploadError(UNDECODABLE)
  }
}

// Text in UTF-16 without a BOM: in Vietnamese or ASCII text, one byte of most pairs is zero, always the same one.
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 4096)
  if (n < 8) return null
  let evenZero = 0
  let oddZero = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++
    if (bytes[i + 1] === 0) oddZero++
  }
  const pairs = n / 2
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.02) return 'utf-16le'
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.02) return 'utf-16be'
  return null
}

/** The text of a plain-text upload; throws UploadError for binary or undecodable bytes. */
export function decodeText(bytes: Uint8Array): string {
  let text: string
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) text = decode(bytes.subarray(3), 'utf-8')
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) text = decode(bytes.subarray(2), 'utf-16le')
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = decode(bytes.subarray(2), 'utf-16be')
  else {
    const wide = utf16WithoutBom(bytes)
    if (wide !== null) text = decode(bytes, wide)
    else {
      if (bytes.includes(0)) throw new UploadError(BINARY)
      text = decode(bytes, 'utf-8')
    }
  }
  let odd = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0) throw new UploadError(BINARY)
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || (c >= 0x7f && c < 0xa0)) odd++
  }
  if (odd > Math.max(8, text.length / 200)) throw new UploadError(BINARY)
  return text
}
