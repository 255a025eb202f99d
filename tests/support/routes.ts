// Route-test helpers: point getDb() at a fresh database, sign users in, build real Requests, settle thrown Responses.
import { eq } from 'drizzle-orm'
import { closeDb, getDb, type Db } from '../../db/client'
import { sessions } from '../../db/schema'
import { login, sessionCookie } from '../../app/services/auth.server'
import { freshDb } from './db'
import { TEST_PASSWORD } from './factories'

export const BASE_URL = 'http://localhost'

/** A fresh database that the app's getDb() also opens; close the returned handle after the test. */
export function useFreshAppDb(): { db: Db; file: string } {
  const fresh = freshDb()
  process.env.DATABASE_URL = fresh.file
  process.env.SECURITY_LOG_SILENT = '1'
  closeDb()
  return fresh
}

export interface TestSession {
  sessionId: string
  /** The Cookie request header: name=value only. */
  cookie: string
  csrf: string
}

/** Logs in through the real service and returns what a browser would hold afterwards. */
export async function signIn(email: string, password = TEST_PASSWORD, now?: Date): Promise<TestSession> {
  const result = await login(getDb(), email, password, now)
  if (!result.ok) throw new Error(`login failed for ${email}: ${result.error}`)
  const setCookie = await sessionCookie.serialize(result.sessionId)
  const row = getDb().select({ csrf: sessions.csrfToken }).from(sessions).where(eq(sessions.id, result.sessionId)).get()
  if (!row) throw new Error('session row missing after login')
  return { sessionId: result.sessionId, cookie: setCookie.split(';')[0], csrf: row.csrf }
}

export function getRequest(path: string, session?: TestSession | null): Request {
  const headers = new Headers()
  if (session) headers.set('Cookie', session.cookie)
  return new Request(BASE_URL + path, { method: 'GET', headers })
}

/**
 * A form POST. The session's CSRF token is added unless `csrf` is given (a string to send instead, or null to
 * send none).
 */
export function postRequest(path: string, fields: Record<string, string | string[]>, session?: TestSession | null, options: { csrf?: string | null } = {}): Request {
  const body = new URLSearchParams()
  const csrf = options.csrf === undefined ? session?.csrf : options.csrf
  if (csrf != null) body.append('csrf', csrf)
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v)
  }
  const headers = new Headers({ 'Content-Type': 'application/x-www-form-urlencoded' })
  if (session) headers.set('Cookie', session.cookie)
  return new Request(BASE_URL + path, { method: 'POST', headers, body })
}

function isResponse(value: unknown): value is Response {
  return value instanceof Response || (typeof value === 'object' && value !== null && typeof (value as Response).status === 'number' && 'headers' in value)
}

/** Runs a loader or action and returns its Response whether it was returned or thrown; other errors propagate. */
export async function settle(run: () => Promise<unknown> | unknown): Promise<Response> {
  try {
    const result = await run()
    if (!isResponse(result)) throw new Error(`expected a Response, got ${typeof result}`)
    return result
  } catch (error) {
    if (isResponse(error)) return error
    throw error
  }
}

/** Route arguments as Remix passes them. */
export function args(request: Request, params: Record<string, string> = {}): any {
  return { request, params, context: {} }
}

/** Row counts of the given tables, to prove that a refused request wrote nothing. */
export function countRows(db: Db, tables: string[]): Record<string, number> {
  return Object.fromEntries(tables.map((t) => [t, (db.$client.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n]))
}
