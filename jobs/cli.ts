// Command line: npm run -s jobs -- run reminders|overdue|rollup|digest|deliver [--now 2024-06-27T08:00:00+07:00] prints a one-line JSON summary.
import { getDb } from '../db/client'
import { fail, parseFlags } from '../db/cli/args'
import { loadReferenceData } from '../db/seed/reference'
import { loadHolidays } from './calendar'
import { JOBS, runJob } from './run'
import { parseNow } from './time'

const USAGE = `Cách dùng: npm run -s jobs -- run ${Object.keys(JOBS).join('|')} [--now 2024-06-27T08:00:00+07:00]`

async function main() {
  const [command, name] = process.argv.slice(2).filter((a) => !a.startsWith('--'))
  const flags = parseFlags(process.argv.slice(2))
  if (command !== 'run' || !name) fail(USAGE)
  if (!JOBS[name]) fail(`Không có việc "${name}". ${USAGE}`)
  let now = new Date()
  if (flags.now !== undefined) {
    const parsed = typeof flags.now === 'string' ? parseNow(flags.now) : null
    if (!parsed) fail(`Thời điểm --now không hợp lệ: "${flags.now === true ? '' : flags.now}". Dùng dạng 2024-06-27T08:00:00+07:00.`)
    now = parsed
  }
  const db = getDb()
  loadReferenceData(db)
  loadHolidays(db)
  const summary = await runJob(db, name, now)
  process.stdout.write(`${JSON.stringify(summary)}\n`)
  db.$client.close()
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)))
