// Command line: create a user account. npm run -s user:create -- --email E --name N --role R [--agency CODE] --password P
import { getDb } from '../client'
import { loadReferenceData } from '../seed/reference'
import { ValidationError } from '../../app/lib/errors'
import { createUser } from '../../app/services/users.server'
import { fail, parseFlags } from './args'

const USAGE = 'Cách dùng: npm run -s user:create -- --email E --name N --role admin|office|agency|leader [--agency MÃ] --password P [--must-change]'

async function main() {
  const flags = parseFlags(process.argv.slice(2))
  const str = (k: string) => (typeof flags[k] === 'string' ? (flags[k] as string) : undefined)
  const email = str('email')
  const name = str('name')
  const role = str('role')
  const password = str('password')
  if (!email || !name || !role || !password) fail(USAGE)
  const db = getDb()
  loadReferenceData(db)
  try {
    // The operator typed this password themselves, so it need not be changed unless asked (--must-change).
    const id = await createUser(db, null, { email, name, role: role as never, agencyCode: str('agency') ?? null, password, mustChangePassword: flags['must-change'] === true })
    process.stdout.write(`${JSON.stringify({ id, email: email.trim().toLowerCase(), role, agency: str('agency') ?? null })}\n`)
  } catch (error) {
    if (error instanceof ValidationError) fail(Object.values(error.fieldErrors).join('\n'))
    throw error
  }
  db.$client.close()
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)))
