// Command line: `npm run -s seed` loads reference data (and the demo into an empty database);
// `npm run -s seed -- --synthetic N` adds N realistic tasks over ~500 agencies for benchmarks.
import { getDb } from '../client'
import { fail, parseFlags } from '../cli/args'
import { formatDemoLogins, prepareDatabase } from '../startup'
import { seedSynthetic } from './synthetic'

async function main() {
  const flags = parseFlags(process.argv.slice(2))
  const db = getDb()
  if (flags.synthetic !== undefined) {
    const n = Number(flags.synthetic)
    if (!Number.isSafeInteger(n) || n < 1 || n > 5_000_000) fail('--synthetic cần một số nhiệm vụ từ 1 đến 5.000.000.')
    const summary = await seedSynthetic(db, n)
    process.stdout.write(`${JSON.stringify(summary)}\n`)
  } else {
    const { referenceInserted, demoLogins } = await prepareDatabase(db, { demo: flags['no-demo'] !== true })
    process.stdout.write(`${JSON.stringify({ referenceInserted, demo: Boolean(demoLogins) })}\n`)
    if (demoLogins) process.stderr.write(`${formatDemoLogins(demoLogins)}\n`)
  }
  db.$client.close()
}

main().catch((error) => fail(error instanceof Error ? error.stack ?? error.message : String(error)))
