// Turns a produced file into a download response with a Vietnamese file name that every browser accepts.

export const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const

/** The name in plain ASCII for old clients: diacritics dropped (đ → d), anything else unsafe becomes '-'. */
export function asciiFileName(name: string): string {
  const dot = name.lastIndexOf('.')
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, '']
  const plain = (s: string) =>
    s
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[đð]/g, 'd')
      .replace(/[ĐÐ]/g, 'D')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '')
  return (plain(stem) || 'tep') + plain(ext)
}

/** RFC 5987 / 8187 encoding of a UTF-8 file name: encodeURIComponent leaves a few characters that must be escaped too. */
function rfc5987(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
}

/** A download of the file: its content type, an ASCII and a UTF-8 file name, and no caching of what a user may see. */
export function fileResponse(bytes: Uint8Array, fileName: string, kind: 'xlsx' | 'docx'): Response {
  // A name ending in the wrong extension (or none) would open in the wrong program.
  const stem = fileName.replace(/\.(xlsx|docx)$/i, '').replace(/[\u0000-\u001F"\\/]+/g, ' ').replace(/\s+/g, ' ').trim()
  const name = `${stem || 'tep'}.${kind}`
  return new Response(bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      'Content-Type': CONTENT_TYPES[kind],
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': `attachment; filename="${asciiFileName(name)}"; filename*=UTF-8''${rfc5987(name)}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}

