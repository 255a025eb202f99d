// Accounts: creating and editing users, with validation and history; used by the admin pages and the command line.
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../db/client'
import { ROLES, sessions, users, type Role } from '../../db/schema'
import { ValidationError } from '../lib/errors'
import { getAgencyByCode } from '../models/agency.server'
import { hashPassword, PASSWORD_MIN_LENGTH } from './auth.server'
import { appendHistory } from './history.server'

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'E-mail quá dài.')
  .email('E-mail không hợp lệ.')

export interface NewUser {
  email: string
  name: string
  role: Role
  agencyCode?: string | null
  password: string
  /** A password generated or set by an admin must be changed at first login. */
  mustChangePassword?: boolean
}

function checkUser(db: Db, input: { email: string; name: string; role: string; agencyCode?: string | null }, exceptId?: number) {
  const errors: Record<string, string> = {}
  const email = EmailSchema.safeParse(input.email)
  if (!email.success) errors.email = email.error.issues[0].message
  const name = input.name.trim()
  if (name.length < 2 || name.length > 200) errors.name = 'Họ tên phải có từ 2 đến 200 ký tự.'
  if (!(ROLES as readonly string[]).includes(input.role)) errors.role = 'Vai trò không hợp lệ.'
  let agencyId: number | null = null
  if (input.agencyCode) {
    const agency = getAgencyByCode(db, input.agencyCode.trim().toUpperCase())
    if (!agency) errors.agencyCode = `Không tìm thấy cơ quan có mã "${input.agencyCode}".`
    else agencyId = agency.id
  } else if (input.role === 'agency') {
    errors.agencyCode = 'Cán bộ cơ quan phải thuộc một cơ quan.'
  }
  if (email.success) {
    const taken = db.select({ id: users.id }).from(users).where(eq(users.email, email.data)).get()
    if (taken && taken.id !== exceptId) errors.email = 'E-mail này đã được dùng cho một tài khoản khác.'
  }
  if (Object.keys(errors).length > 0) throw new ValidationError(errors)
  return { email: email.data!, name, role: input.role as Role, agencyId }
}

export async function createUser(db: Db, actorId: number | null, input: NewUser): Promise<number> {
  const checked = checkUser(db, input)
  if (input.password.length < PASSWORD_MIN_LENGTH) throw new ValidationError({ password: `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự.` })
  const passwordHash = await hashPassword(input.password)
  return createUserWithHash(db, actorId, checked, passwordHash, input.mustChangePassword ?? true)
}

/** For bulk seeding, where one hash serves many accounts nobody logs into. */
export function createUserWithHash(
  db: Db,
  actorId: number | null,
  user: { email: string; name: string; role: Role; agencyId: number | null },
  passwordHash: string,
  mustChangePassword: boolean,
): number {
  return db.transaction((tx) => {
    const row = tx.insert(users).values({ ...user, passwordHash, mustChangePassword }).returning({ id: users.id }).get()
    appendHistory(tx, { actorId, entity: 'user', entityId: row.id, action: 'user_created', after: user })
    return row.id
  })
}

export interface UserUpdate {
  name: string
  role: Role
  agencyCode: string | null
  active: boolean
  extraEmails: string[]
}

export function updateUser(db: Db, actorId: number, userId: number, input: UserUpdate & { email: string }): void {
  const checked = checkUser(db, input, userId)
  const extra: string[] = []
  for (const e of input.extraEmails) {
    const parsed = EmailSchema.safeParse(e)
    if (!parsed.success) throw new ValidationError({ extraEmails: `E-mail "${e}" không hợp lệ.` })
    extra.push(parsed.data)
  }
  db.transaction((tx) => {
    const before = tx.select().from(users).where(eq(users.id, userId)).get()
    if (!before) throw new ValidationError({ email: 'Không tìm thấy tài khoản.' })
    const values = { email: checked.email, name: checked.name, role: checked.role, agencyId: checked.agencyId, active: input.active, extraEmails: extra }
    tx.update(users).set(values).where(eq(users.id, userId)).run()
    // A deactivated account or a changed role ends its open sessions at once.
    if (!input.active || before.role !== checked.role || before.agencyId !== checked.agencyId) {
      tx.update(sessions).set({ revokedAt: new Date().toISOString() }).where(eq(sessions.userId, userId)).run()
    }
    const { passwordHash: _p, ...visible } = before
    appendHistory(tx, { actorId, entity: 'user', entityId: userId, action: 'user_edited', before: visible, after: values })
  })
}

export async function resetPassword(db: Db, actorId: number, userId: number, password: string): Promise<void> {
  if (password.length < PASSWORD_MIN_LENGTH) throw new ValidationError({ password: `Mật khẩu phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự.` })
  const passwordHash = await hashPassword(password)
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId)).run()
    tx.update(sessions).set({ revokedAt: new Date().toISOString() }).where(eq(sessions.userId, userId)).run()
    appendHistory(tx, { actorId, entity: 'user', entityId: userId, action: 'password_reset' })
  })
}
