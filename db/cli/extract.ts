// Command line: npm run -s extract -- FILE [--issued-on YYYY-MM-DD] prints the tasks read from a directive (.txt,
// .docx, .pdf with a text layer, .xlsx task list) as JSON.
import fs from 'node:fs'
import path from 'node:path'
import { isValidIsoDate } from '../../app/domain/dates'
import { extractDirective, ExtractionError } from '../../app/extractor'
import { MAX_UPLOAD_BYTES, readUpload, UploadError } from '../../app/intake/read-upload.server'
import { fail, parseFlags } from './args'

const USAGE = 'Cách dùng: npm run -s extract -- TỆP (.txt, .docx, .pdf, .xlsx) [--issued-on YYYY-MM-DD]'

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

async function readText(file: string): Promise<string> {
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch {
    fail(`Không tìm thấy tệp: ${file}`)
  }
  if (!stat.isFile()) fail(`Không phải là tệp: ${file}`)
  // Checked before reading, so that a huge file is never loaded.
  if (stat.size > MAX_UPLOAD_BYTES) fail(`Tệp quá lớn (${(stat.size / 1024 / 1024).toFixed(1).replace('.', ',')} MB): giới hạn là 10 MB.`)
  try {
    return (await readUpload(path.basename(file), new Uint8Array(fs.readFileSync(file)))).text
  } catch (e) {
    if (e instanceof UploadError) fail(e.message)
    throw e
  }
}

const { file, issuedOn } = parseArgs(process.argv.slice(2))
const text = await readText(file)
try {
  const result = extractDirective(text, { issuedOn })
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
} catch (e) {
  if (e instanceof ExtractionError) fail(e.message)
  throw e
}
