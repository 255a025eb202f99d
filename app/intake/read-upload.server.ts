// Turns an uploaded file (.txt, .docx, .pdf with a text layer, .xlsx) into the text the extractor reads. The
// type is decided by the file's first bytes, not its name; every refusal is an UploadError with a Vietnamese
// sentence for the officer.
import { readDocx, isDocx } from './docx.server'
import { MAX_UPLOAD_BYTES, megabytes, UploadError } from './errors.server'
import { isPdf, readPdf } from './pdf.server'
import { decodeText } from './text.server'
import { readXlsx } from './xlsx.server'
import { checkWholeZip, CORRUPT_ZIP, isZip, openZip, type ZipArchive } from './zip.server'

export { UploadError, MAX_UPLOAD_BYTES } from './errors.server'

export type UploadSource = 'txt' | 'docx' | 'pdf' | 'xlsx'

const SUPPORTED = 'Chỉ nhận tệp .txt, .docx, .pdf (có lớp chữ) và .xlsx'
const TEXT_EXTENSIONS = new Set(['', '.txt', '.text', '.md', '.markdown', '.csv', '.tsv'])

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? ''
  const dot = base.lastIndexOf('.')
  return dot <= 0 ? '' : base.slice(dot).toLowerCase()
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b)
}

function nonBlank(text: string, what: string): string {
  if (text.trim() === '') throw new UploadError(`${what} không có nội dung chữ nào để trích xuất nhiệm vụ.`)
  return text
}

/** The text of an uploaded file and the kind it was read as; throws UploadError for anything it cannot read. */
export async function readUpload(fileName: string, bytes: Uint8Array): Promise<{ text: string; source: UploadSource }> {
  try {
    return await readAny(fileName, bytes)
  } catch (e) {
    if (e instanceof UploadError) throw e
    // A file that trips a reader in a way no check foresaw is still the file's fault for the officer: say so, and
    // keep the cause for the server log.
    console.error('readUpload: unexpected error', { fileName, size: bytes.length, error: e })
    throw new UploadError('Không đọc được tệp này (định dạng lạ hoặc bị hỏng): hãy lưu lại dưới dạng .docx hoặc .txt rồi tải lên lần nữa, hoặc dán nội dung văn bản.')
  }
}

async function readAny(fileName: string, bytes: Uint8Array): Promise<{ text: string; source: UploadSource }> {
  if (bytes.length === 0) throw new UploadError('Tệp trống (0 byte): hãy chọn đúng tệp văn bản.')
  if (bytes.length > MAX_UPLOAD_BYTES) throw new UploadError(`Tệp quá lớn (${megabytes(bytes.length)}): giới hạn là 10 MB.`)
  const ext = extensionOf(fileName)

  if (isZip(bytes)) {
    let zip: ZipArchive
    try {
      zip = openZip(bytes)
    } catch (e) {
      // Named as text but starting like an archive: for the officer, not a text file.
      if (e instanceof UploadError && e.message === CORRUPT_ZIP && TEXT_EXTENSIONS.has(ext) && ext !== '') {
        throw new UploadError(`Tệp ${ext} không phải văn bản (nội dung là tệp nén hỏng). ${SUPPORTED}.`)
      }
      throw e
    }
    if (isDocx(zip)) return { text: nonBlank(readDocx(zip), 'Tệp .docx'), source: 'docx' }
    if (zip.has('xl/workbook.xml')) {
      // exceljs unpacks the whole archive: every entry is inflated under the limits first.
      checkWholeZip(bytes)
      return { text: nonBlank(await readXlsx(bytes), 'Tệp .xlsx'), source: 'xlsx' }
    }
    if (zip.text('mimetype')?.startsWith('application/vnd.oasis.opendocument')) {
      throw new UploadError(`Tệp OpenDocument (.odt/.ods) chưa được hỗ trợ: hãy lưu lại dưới dạng .docx hoặc .xlsx.`)
    }
    throw new UploadError(`Tệp nén này không phải văn bản Word (.docx) hay bảng tính Excel (.xlsx). ${SUPPORTED}.`)
  }
  if (isPdf(bytes)) return { text: nonBlank(await readPdf(bytes), 'Tệp PDF'), source: 'pdf' }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new UploadError(`Tệp Word/Excel định dạng cũ (.doc/.xls) chưa được hỗ trợ: hãy mở bằng Word/Excel và lưu lại dưới dạng .docx/.xlsx.`)
  }
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) throw new UploadError(`Tệp RTF chưa được hỗ trợ: hãy lưu lại dưới dạng .docx.`)

  if (ext === '.docx' || ext === '.xlsx') throw new UploadError(`Tệp có đuôi ${ext} nhưng nội dung không phải tệp ${ext === '.docx' ? 'Word' : 'Excel'} hợp lệ (hỏng hoặc đổi đuôi): hãy mở bằng ${ext === '.docx' ? 'Word' : 'Excel'}, lưu lại rồi tải lên lần nữa.`)
  if (ext === '.pdf') throw new UploadError('Tệp có đuôi .pdf nhưng nội dung không phải PDF (hỏng hoặc đổi đuôi): hãy xuất lại tệp PDF rồi tải lên lần nữa.')
  if (!TEXT_EXTENSIONS.has(ext)) {
    try {
      return { text: nonBlank(decodeText(bytes), 'Tệp'), source: 'txt' }
    } catch {
      throw new UploadError(`Định dạng tệp ${ext} không được hỗ trợ. ${SUPPORTED}.`)
    }
  }
  return { text: nonBlank(decodeText(bytes), 'Tệp văn bản'), source: 'txt' }
}
