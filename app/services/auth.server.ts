// Authentication: argon2id passwords, lock-out after failed logins, database-backed sessions with idle timeout and CSRF tokens.
import crypto from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'
import { and, eq, isNull, ne } from 'drizzle-orm'
import { createCookie, redirect } from '@remix-run/node'
import type { Db } from '../../db/client'
import { agencies, sessions, users, type Role } from '../../db/schema'
import { getEnv } from '../lib/env.server'
import { securityLog } from '../lib/security-log.server'
import { appendHistory } from './history.server'
import { PASSWORD_MIN_LENGTH } from '../lib/forms'

export { PASSWORD_MIN_LENGTH }

export const MAX_FAILED_LOGINS = 5
export const LOCK_MINUTES = 15

// argon2id is the library's default algorithm; these are OWASP's minimum recommended parameters.
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

/** A readable generated password: 4 groups of 4 characters without look-alikes. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789'
  const bytes = crypto.randomBytes(16)
  let out = ''
  for (let i = 0; i < 16; i++) {
    if (i > 0 && i % 4 === 0) out += '-'
    out += alphabet[bytes[i] % alphabet.length]
  }
  return out
}


export const sessionCookie = createCookie('dd_session', { httpOnly: true, sameSite: 'lax', path: '/' })

/**
 * Secure whenever the site is served over HTTPS (directly, behind a proxy that sets X-Forwarded-Proto, or as
 * APP_URL says). Decided per request, not from NODE_ENV, which the Remix compiler fixes at build time.
 */
export function cookieIsSecure(request: Request): boolean {
  return new URL(request.url).protocol === 'https:' || (process.env.APP_URL ?? '').startsWith('https:')
}

export function serializeSessionCookie(request: Request, sessionId: string, options: { maxAge?: number } = {}): Promise<string> {
  return sessionCookie.serialize(sessionId, { secure: cookieIsSecure(request), ...options })
}

export type LoginResult =
  | { ok: true; sessionId: string; mustChangePassword: boolean }
  | { ok: false; error: string }

const WRONG_CREDENTIALS = 'E-mail hoặc mật khẩu không đúng.'

export async function login(db: Db, email: string, password: string, now = new Date()): Promise<LoginResult> {
  const user = db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get()
  if (!user || !user.active) {
    // Spend the same time as a real check so that response times do not reveal which e-mails exist.
    await verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0000000000000000000000000000000000000000000', password)
    return { ok: false, error: WRONG_CREDENTIALS }
  }
  if (user.lockedUntil && user.lockedUntil > now.toISOString()) {
    securityLog('login_locked', { userId: user.id })
    return { ok: false, error: `Tài khoản tạm khóa do nhập sai mật khẩu ${MAX_FAILED_LOGINS} lần. Vui lòng thử lại sau ${LOCK_MINUTES} phút.` }
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    // One atomic statement, so that parallel wrong guesses all count and cannot get around the lock.
    const row = db.$client
      .prepare(
        `update users set failed_logins = failed_logins + 1,
           locked_until = case when failed_logins + 1 >= ? then ? else locked_until end
         where id = ? returning failed_logins as failed`,
      )
      .get(MAX_FAILED_LOGINS, new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString(), user.id) as { failed: number }
    if (row.failed >= MAX_FAILED_LOGINS) {
      db.update(users).set({ failedLogins: 0 }).where(eq(users.id, user.id)).run()
      securityLog('account_locked', { userId: user.id })
      return { ok: false, error: `Nhập sai mật khẩu ${MAX_FAILED_LOGINS} lần: tài khoản bị khóa ${LOCK_MINUTES} phút.` }
    }
    return { ok: false, error: WRONG_CREDENTIALS }
  }
  // The password was right, but a parallel wrong guess may have locked the account meanwhile.
  const fresh = db.select({ lockedUntil: users.lockedUntil }).from(users).where(eq(users.id, user.id)).get()
  if (fresh?.lockedUntil && fresh.lockedUntil > now.toISOString()) {
    return { ok: false, error: `Tài khoản tạm khóa do nhập sai mật khẩu ${MAX_FAILED_LOGINS} lần. Vui lòng thử lại sau ${LOCK_MINUTES} phút.` }
  }
  const sessionId = crypto.randomBytes(32).toString('base64url')
  db.transaction((tx) => {
    tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id)).run()
    tx.insert(sessions)
      .values({ id: sessionId, userId: user.id, csrfToken: crypto.randomBytes(24).toString('base64url'), lastSeenAt: now.toISOString() })
      .run()
  })
  return { ok: true, sessionId, mustChangePassword: user.mustChangePassword }
}

export interface CurrentUser {
  id: number
  email: string
  name: string
  role: Role
  agencyId: number | null
  agencyName: string | null
  mustChangePassword: boolean
  sessionId: string
  csrfToken: string
}

export async function readSessionId(request: Request): Promise<string | null> {
  const value = await sessionCookie.parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.length > 0 ? value : null
}

// Writing last_seen_at on every request would turn every page view into a write; a minute's precision is enough.
const TOUCH_INTERVAL_MS = 60_000

/** The signed-in user, or null when there is no live session (expired sessions are revoked on the way). */
export async function getCurrentUser(db: Db, request: Request, now = new Date()): Promise<CurrentUser | null> {
  const sessionId = await readSessionId(request)
  if (!sessionId) return null
  const row = db
    .select({ session: sessions, user: users, agencyName: agencies.shortName })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
    .get()
  if (!row || !row.user.active) return null
  const idleMs = getEnv().SESSION_IDLE_MINUTES * 60_000
  const lastSeen = Date.parse(row.session.lastSeenAt)
  if (now.getTime() - lastSeen > idleMs) {
    db.update(sessions).set({ revokedAt: now.toISOString() }).where(eq(sessions.id, sessionId)).run()
    return null
  }
  if (now.getTime() - lastSeen > TOUCH_INTERVAL_MS) {
    db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, sessionId)).run()
  }
  return {
    id: row.user.id,
    email: row.user.email,
    name: row.user.name,
    role: row.user.role,
    agencyId: row.user.agencyId,
    agencyName: row.agencyName,
    mustChangePassword: row.user.mustChangePassword,
    sessionId,
    csrfToken: row.session.csrfToken,
  }
}

export function logout(db: Db, sessionId: string, now = new Date()): void {
  db.update(sessions).set({ revokedAt: now.toISOString() }).where(eq(sessions.id, sessionId)).run()
}

/** Changes the password and ends the user's other sessions (the one in use, if given, stays). */
export async function changePassword(db: Db, userId: number, current: string, next: string, keepSessionId?: string): Promise<string | null> {
  const user = db.select().from(users).where(eq(users.id, userId)).get()
  if (!user) return 'Không tìm thấy tài khoản.'
  if (!(await verifyPassword(user.passwordHash, current))) return 'Mật khẩu hiện tại không đúng.'
  if (next.length < PASSWORD_MIN_LENGTH) return `Mật khẩu mới phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`
  if (next === current) return 'Mật khẩu mới phải khác mật khẩu hiện tại.'
  const passwordHash = await hashPassword(next)
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, userId)).run()
    tx.update(sessions)
      .set({ revokedAt: new Date().toISOString() })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), keepSessionId ? ne(sessions.id, keepSessionId) : undefined))
      .run()
    appendHistory(tx, { actorId: userId, entity: 'user', entityId: userId, action: 'password_changed' })
  })
  return null
}

/** Redirects to the login page, remembering where the user was going. */
export function redirectToLogin(request: Request): never {
  const url = new URL(request.url)
  const to = url.pathname + url.search
  throw redirect(`/login?redirectTo=${encodeURIComponent(to)}`)
}

/** Refuses a state-changing request whose CSRF token does not match the session's. */
export function assertCsrf(user: CurrentUser, formData: FormData, request: Request): void {
  const token = formData.get('csrf')
  const a = Buffer.from(typeof token === 'string' ? token : '')
  const b = Buffer.from(user.csrfToken)
  if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) {
    securityLog('csrf_rejected', { userId: user.id, path: new URL(request.url).pathname })
    throw new Response('Yêu cầu không hợp lệ (mã chống giả mạo CSRF sai hoặc thiếu). Vui lòng tải lại trang và thử lại.', { status: 403 })
  }
}
