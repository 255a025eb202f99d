// Turns the bytes of an uploaded directive file into text for the extractor (this version reads plain .txt only).

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

/** A file that cannot be read as a directive; `message` is Vietnamese and shown to the user as is. */
export class UploadError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UploadError'
  }
}

function extensionOf(fileName: string): string {
  const m = /\.([^./\\]+)$/.exec(fileName.trim())
  return m ? m[1].toLowerCase() : ''
}

// Control characters other than tab, new line, carriage return and form feed do not occur in a typed text.
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g

export async function readUpload(fileName: string, bytes: Uint8Array): Promise<{ text: string; source: 'txt' | 'docx' | 'pdf' | 'xlsx' }> {
  if (bytes.byteLength > MAX_UPLOAD_BYTES) {
    throw new UploadError(`Tệp quá lớn (${(bytes.byteLength / 1024 / 1024).toFixed(1).replace('.', ',')} MB): giới hạn là 10 MB.`)
  }
  const ext = extensionOf(fileName)
  if (ext === 'docx' || ext === 'pdf' || ext === 'xlsx') {
    throw new UploadError(`Chưa đọc được tệp .${ext}: hãy sao chép nội dung văn bản và dán vào ô bên trên, hoặc lưu thành tệp .txt (UTF-8).`)
  }
  if (ext !== 'txt') {
    throw new UploadError('Chỉ nhận tệp .txt, .docx, .pdf hoặc .xlsx.')
  }
  if (bytes.byteLength === 0) throw new UploadError('Tệp trống: không có nội dung để trích xuất nhiệm vụ.')
  if (bytes.includes(0)) throw new UploadError('Tệp không phải văn bản (có byte 0, có thể là tệp nhị phân): hãy lưu văn bản dưới dạng .txt (UTF-8).')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new UploadError('Tệp không đúng mã UTF-8: hãy lưu lại văn bản với mã UTF-8.')
  }
  const controls = text.match(CONTROL)?.length ?? 0
  if (controls > 0 && controls * 200 > text.length) {
    throw new UploadError('Tệp không phải văn bản (có nhiều ký tự điều khiển, có thể là tệp nhị phân).')
  }
  return { text: text.replace(/^\uFEFF/, ''), source: 'txt' }
}
