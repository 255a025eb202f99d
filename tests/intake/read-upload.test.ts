// readUpload on real bytes: every refusal is an UploadError with a Vietnamese sentence; text encodings; the ZIP
// limits (zip bombs by declared size, by actual size under a lying header, by entry count).
import { strToU8, zipSync } from 'fflate'
import { readUpload, UploadError } from '~/intake/read-upload.server'
import { docx, p } from './ooxml'

async function refusal(name: string, bytes: Uint8Array): Promise<UploadError> {
  try {
    await readUpload(name, bytes)
  } catch (e) {
    if (e instanceof UploadError) return e
    throw e
  }
  throw new Error(`expected an UploadError for ${name}`)
}

const VIETNAMESE = /[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]/i
const SAMPLE = 'Bộ Nội vụ khẩn trương hoàn thiện dự thảo Nghị định, hoàn thành trong tháng 6 năm 2024.'

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2)
  const units = [...(bom ? [0xfeff] : []), ...Array.from(text, (_, i) => text.charCodeAt(i))]
  units.forEach((u, i) => {
    out[i * 2 + (order === 'le' ? 0 : 1)] = u & 0xff
    out[i * 2 + (order === 'le' ? 1 : 0)] = u >> 8
  })
  return out
}

describe('plain text', () => {
  it('reads UTF-8 with and without a BOM', async () => {
    expect(await readUpload('a.txt', strToU8(SAMPLE))).toEqual({ text: SAMPLE, source: 'txt' })
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(SAMPLE)])
    expect((await readUpload('a.txt', bom)).text).toBe(SAMPLE)
  })

  it('reads UTF-16 LE and BE with a BOM, and without one', async () => {
    for (const order of ['le', 'be'] as const) {
      expect((await readUpload('a.txt', utf16(SAMPLE, order, true))).text).toBe(SAMPLE)
      expect((await readUpload('a.txt', utf16(SAMPLE, order, false))).text).toBe(SAMPLE)
    }
  })

  it('refuses bytes that are not UTF-8 (Windows-1258) and binary garbage', async () => {
    // "Bé Nôi vu" in a single-byte code page: 0xE9 and 0xF4 start no valid UTF-8 sequence.
    expect((await refusal('a.txt', new Uint8Array([0x42, 0xe9, 0x20, 0x4e, 0xf4, 0x69, 0x20, 0x76, 0x75]))).message).toMatch(/UTF-8/)
    const garbage = new Uint8Array(5000)
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 256
    expect((await refusal('van-ban.txt', garbage)).message).toMatch(/nhị phân|mã ký tự/)
  })
})

describe('size and type', () => {
  it('refuses an empty file and one of 10 MB + 1 byte', async () => {
    expect((await refusal('a.txt', new Uint8Array(0))).message).toMatch(/Tệp trống/)
    const e = await refusal('a.txt', new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61))
    expect(e.message).toMatch(/quá lớn .*10 MB/)
  })

  it('decides by the bytes, not the name', async () => {
    // A Word file renamed .txt is still read as Word; a text renamed .docx is refused as not Word.
    const word = docx([p(SAMPLE)])
    expect(await readUpload('van-ban.txt', word)).toEqual({ text: SAMPLE, source: 'docx' })
    expect((await refusal('van-ban.docx', strToU8(SAMPLE))).message).toMatch(/không phải tệp Word/)
    expect((await refusal('van-ban.pdf', strToU8(SAMPLE))).message).toMatch(/không phải PDF/)
    expect((await refusal('van-ban.xlsx', strToU8('a,b,c'))).message).toMatch(/không phải tệp Excel/)
  })

  it('refuses images, old Word files, RTF and other archives with what to do instead', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0])
    expect((await refusal('anh.png', png)).message).toMatch(/không được hỗ trợ\. Chỉ nhận tệp .*\.docx/)
    expect((await refusal('anh.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).message).toMatch(/Chỉ nhận tệp/)
    // Named as text, starting like an archive, and broken.
    expect((await refusal('rac.txt', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0xff, 0xfe]))).message).toMatch(/không phải văn bản/)
    expect((await refusal('cu.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).message).toMatch(/\.doc\/\.xls.*\.docx/)
    expect((await refusal('a.rtf', strToU8('{\\rtf1\\ansi Bộ Nội vụ}'))).message).toMatch(/RTF/)
    expect((await refusal('a.zip', zipSync({ 'anh.txt': strToU8('xin chào') }))).message).toMatch(/không phải văn bản Word/)
    expect((await refusal('a.odt', zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<a/>') }))).message).toMatch(/OpenDocument/)
  })

  it('refuses a Word file without text, a truncated one and one with broken XML', async () => {
    expect((await refusal('trong.docx', docx([p('')]))).message).toMatch(/không có nội dung chữ/)
    const whole = docx([p(SAMPLE), p(SAMPLE)])
    for (const cut of [whole.length - 10, Math.floor(whole.length / 2), 30]) {
      expect((await refusal('cut.docx', whole.subarray(0, cut))).message, `cut at ${cut}`).toMatch(/bị hỏng/)
    }
    const broken = docx([p(SAMPLE)], { 'word/document.xml': '<w:document><w:body><w:p></w:body>' })
    expect((await refusal('hong.docx', broken)).message).toMatch(/bị hỏng/)
  })

  it('refuses a crafted document nested 100 000 levels deep instead of overflowing the stack', async () => {
    const deep = `${'<w:r>'.repeat(100_000)}${'</w:r>'.repeat(100_000)}`
    const bytes = docx([], { 'word/document.xml': `<w:document><w:body><w:p>${deep}</w:p></w:body></w:document>` })
    expect((await refusal('sau.docx', bytes)).message).toMatch(/bị hỏng/)
  })

  it('every message is Vietnamese', async () => {
    for (const [name, bytes] of [['a.txt', new Uint8Array(0)], ['a.docx', strToU8('x')], ['a.png', new Uint8Array([0x89, 0x50, 0, 1, 2, 3])]] as const) {
      expect((await refusal(name, bytes)).message).toMatch(VIETNAMESE)
    }
  })
})

describe('zip bombs', () => {
  const BOMB = /quá lớn|quá nhiều/

  it('stops on declared sizes: 60 MB of zeros in word/document.xml', async () => {
    // A real 60 MB entry: it compresses to about 60 KB, far under the 10 MB upload limit.
    const real = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': new Uint8Array(60 * 1024 * 1024) }, { level: 9 })
    expect(real.length).toBeLessThan(200 * 1024)
    const started = Date.now()
    expect((await refusal('bom.docx', real)).message).toMatch(BOMB)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('stops while inflating when the header lies about the size', async () => {
    const real = zipSync({ 'word/document.xml': new Uint8Array(60 * 1024 * 1024).fill(0x20) }, { level: 9 })
    // Patch the declared uncompressed size (central directory and local header) down to 1 000 bytes.
    const view = new DataView(real.buffer, real.byteOffset, real.byteLength)
    for (let o = real.length - 22; o >= 0; o--) {
      if (view.getUint32(o, true) === 0x06054b50) {
        const cd = view.getUint32(o + 16, true)
        view.setUint32(cd + 24, 1000, true)
        break
      }
    }
    view.setUint32(22, 1000, true)
    const started = Date.now()
    expect((await refusal('noi-doi.docx', real)).message).toMatch(BOMB)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('stops on many small entries and on an .xlsx whose parts add up to too much', async () => {
    const many: Record<string, Uint8Array> = {}
    for (let i = 0; i < 2100; i++) many[`word/x${i}.xml`] = strToU8('<a/>')
    expect((await refusal('nhieu.docx', zipSync(many))).message).toMatch(BOMB)
    const sheets: Record<string, Uint8Array> = { 'xl/workbook.xml': strToU8('<workbook/>') }
    for (let i = 0; i < 4; i++) sheets[`xl/worksheets/sheet${i}.xml`] = new Uint8Array(15 * 1024 * 1024)
    expect((await refusal('bom.xlsx', zipSync(sheets, { level: 9 }))).message).toMatch(BOMB)
  })
})
