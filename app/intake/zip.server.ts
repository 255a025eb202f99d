// A guarded ZIP reader for .docx and .xlsx uploads: reads the central directory itself and inflates entries with
// fflate under hard limits, so a zip bomb is stopped by its declared sizes and again while inflating.
import { Inflate } from 'fflate'
import { UploadError } from './errors.server'

export interface ZipLimits {
  /** Uncompressed bytes of all entries read, declared and actual. */
  maxTotal: number
  maxEntries: number
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotal: 50 * 1024 * 1024, maxEntries: 2000 }

interface Entry {
  name: string
  method: number
  flags: number
  compressedSize: number
  size: number
  localOffset: number
}

export interface ZipArchive {
  names: string[]
  has(name: string): boolean
  /** The entry's bytes, or null when there is none by that name. */
  read(name: string): Uint8Array | null
  /** The entry as UTF-8 text (a leading BOM dropped), or null. */
  text(name: string): string | null
}

export const CORRUPT_ZIP = 'Tệp nén (.docx/.xlsx) bị hỏng hoặc không đầy đủ: hãy mở tệp bằng Word/Excel, lưu lại rồi tải lên lần nữa.'
const BOMB = (limit: number) =>
  `Tệp nén giải nén ra quá lớn (trên ${Math.round(limit / 1024 / 1024)} MB) hoặc có quá nhiều thành phần: có thể là tệp độc hại (zip bomb), hệ thống không đọc.`

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

/** Opens a ZIP archive; throws UploadError for a corrupt, encrypted or oversized one. */
export function openZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const u16 = (o: number) => view.getUint16(o, true)
  const u32 = (o: number) => view.getUint32(o, true)
  // The end-of-central-directory record sits in the last 22 + 65 535 bytes (its comment is at most 64 KiB).
  let eocd = -1
  for (let o = bytes.length - 22; o >= Math.max(0, bytes.length - 22 - 0xffff); o--) {
    if (u32(o) === 0x06054b50) {
      eocd = o
      break
    }
  }
  if (eocd < 0) throw new UploadError(CORRUPT_ZIP)
  const count = u16(eocd + 10)
  const cdSize = u32(eocd + 12)
  const cdOffset = u32(eocd + 16)
  if (count === 0xffff || cdOffset === 0xffffffff) throw new UploadError(CORRUPT_ZIP)
  if (count > limits.maxEntries) throw new UploadError(BOMB(limits.maxTotal))
  if (cdOffset + cdSize > eocd) throw new UploadError(CORRUPT_ZIP)
  const entries = new Map<string, Entry>()
  let declared = 0
  let p = cdOffset
  const decoder = new TextDecoder('utf-8')
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || u32(p) !== 0x02014b50) throw new UploadError(CORRUPT_ZIP)
    const flags = u16(p + 8)
    const method = u16(p + 10)
    const compressedSize = u32(p + 20)
    const size = u32(p + 24)
    const nameLength = u16(p + 28)
    const extraLength = u16(p + 30)
    const commentLength = u16(p + 32)
    const localOffset = u32(p + 42)
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength))
    p += 46 + nameLength + extraLength + commentLength
    if (size === 0xffffffff || compressedSize === 0xffffffff) throw new UploadError(BOMB(limits.maxTotal))
    declared += size
    if (declared > limits.maxTotal) throw new UploadError(BOMB(limits.maxTotal))
    if (localOffset + 30 > bytes.length) throw new UploadError(CORRUPT_ZIP)
    entries.set(name.replace(/^\/+/, ''), { name, method, flags, compressedSize, size, localOffset })
  }
  let inflated = 0
  const read = (name: string): Uint8Array | null => {
    const e = entries.get(name)
    if (e === undefined) return null
    if (e.flags & 1) throw new UploadError('Tệp được đặt mật khẩu (mã hóa): hãy gỡ mật khẩu rồi tải lên lại.')
    const lo = e.localOffset
    if (u32(lo) !== 0x04034b50) throw new UploadError(CORRUPT_ZIP)
    const start = lo + 30 + u16(lo + 26) + u16(lo + 28)
    const end = start + e.compressedSize
    if (end > bytes.length) throw new UploadError(CORRUPT_ZIP)
    const data = bytes.subarray(start, end)
    if (e.method === 0) {
      inflated += data.length
      if (inflated > limits.maxTotal) throw new UploadError(BOMB(limits.maxTotal))
      return data
    }
    if (e.method !== 8) throw new UploadError(CORRUPT_ZIP)
    // Inflated chunk by chunk: the declared size is not trusted, the running total is.
    const chunks: Uint8Array[] = []
    let done = false
    let own = 0
    const inflater = new Inflate((chunk, final) => {
      own += chunk.length
      inflated += chunk.length
      // More than the entry declared is a lie worth stopping at once, whatever the total.
      if (inflated > limits.maxTotal || own > e.size + 1024) throw new UploadError(BOMB(limits.maxTotal))
      chunks.push(chunk)
      if (final) done = true
    })
    try {
      const step = 64 * 1024
      for (let o = 0; o < data.length; o += step) inflater.push(data.subarray(o, Math.min(data.length, o + step)), o + step >= data.length)
      if (data.length === 0) inflater.push(new Uint8Array(0), true)
    } catch (err) {
      if (err instanceof UploadError) throw err
      throw new UploadError(CORRUPT_ZIP)
    }
    if (!done || own !== e.size) throw new UploadError(CORRUPT_ZIP)
    const out = new Uint8Array(own)
    let o = 0
    for (const c of chunks) {
      out.set(c, o)
      o += c.length
    }
    return out
  }
  return {
    names: [...entries.keys()],
    has: (name) => entries.has(name),
    read,
    text(name) {
      const b = read(name)
      if (b === null) return null
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(b).replace(/^\uFEFF/, '')
      } catch {
        throw new UploadError(CORRUPT_ZIP)
      }
    },
  }
}

/** Inflates every entry under the limits: proves an archive harmless before another library unpacks it whole. */
export function checkWholeZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipArchive {
  const zip = openZip(bytes, limits)
  for (const name of zip.names) if (!name.endsWith('/')) zip.read(name)
  return zip
}
