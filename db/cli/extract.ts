// Command line: npm run -s extract -- FILE [--issued-on YYYY-MM-DD] prints the tasks read from a directive's text as JSON.
import fs from 'node:fs'
import path from 'node:path'
import { isValidIsoDate } from '../../app/domain/dates'
import { extractDirective, ExtractionError } from '../../app/extractor'
import { fail, parseFlags } from './args'

const MAX_BYTES = 10 * 1024 * 1024
const USAGE = 'Cách dùng: npm run -s extract -- TỆP.txt [--issued-on YYYY-MM-DD]'
// Formats a later version will read; for now the user is told to save the text as .txt.
const NOT_YET = new Set(['.docx', '.doc', '.pdf', '.odt', '.rtf'])

function parseArgs(argv: string[]): { file: string; issuedOn?: string } {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`)
    process.exit(0)
  }
  const flags = parseFlags(argv)
  for (const key of Object.keys(flags)) if (key !== 'issued-on') fail(`Tham số không hợp lệ: --${key}. ${USAGE}`)
  const issuedOn = flags['issued-on']
  if (issuedOn === true) fail(`Thiếu giá trị cho --issued-on. ${USAGE}`)
  if (issuedOn !== undefined && !isValidIsoDate(issuedOn)) fail(`Ngày ban hành không hợp lệ: "${issuedOn}" (cần dạng YYYY-MM-DD, ví dụ 2024-01-15).`)
  // Positional arguments are those that are neither a flag nor the value parseFlags took for one.
  const files = argv.filter((a, i) => !a.startsWith('-') && !(i > 0 && argv[i - 1] === '--issued-on'))
  if (argv.some((a) => a.startsWith('-') && !a.startsWith('--'))) fail(`Tham số không hợp lệ: ${argv.find((a) => a.startsWith('-') && !a.startsWith('--'))}. ${USAGE}`)
  if (files.length === 0) fail(`Thiếu đường dẫn tệp văn bản. ${USAGE}`)
  if (files.length > 1) fail(`Chỉ nhận một tệp, thừa: ${files.slice(1).join(' ')}. ${USAGE}`)
  return { file: files[0], issuedOn }
}

function readText(file: string): string {
  const ext = path.extname(file).toLowerCase()
  if (NOT_YET.has(ext)) fail(`Định dạng ${ext} chưa được hỗ trợ: hãy lưu văn bản dưới dạng .txt (UTF-8) rồi chạy lại.`)
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch {
    fail(`Không tìm thấy tệp: ${file}`)
  }
  if (!stat.isFile()) fail(`Không phải là tệp: ${file}`)
  if (stat.size > MAX_BYTES) fail(`Tệp quá lớn (${(stat.size / 1024 / 1024).toFixed(1)} MB): giới hạn là 10 MB.`)
  const bytes = fs.readFileSync(file)
  if (bytes.includes(0)) fail('Tệp không phải văn bản (có byte 0, có thể là tệp nhị phân): hãy lưu văn bản dưới dạng .txt (UTF-8).')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    fail('Tệp không đúng mã UTF-8: hãy lưu lại văn bản với mã UTF-8.')
  }
}

const { file, issuedOn } = parseArgs(process.argv.slice(2))
const text = readText(file)
try {
  const result = extractDirective(text, { issuedOn })
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
} catch (e) {
  if (e instanceof ExtractionError) fail(e.message)
  throw e
}
