// Secret per-user calendar links: created (shown once), revoked, and resolved from the token in a feed URL.
import { createHash, randomBytes } from 'node:crypto'
import { and, desc, eq, isNull } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { agencies, calendarFeedTokens, users, type Role } from '../../db/schema'
import { can } from '../domain/permissions'
import { ForbiddenError, ValidationError } from '../lib/errors'
import { appendHistory } from './history.server'

/** 32 random bytes, base64url: 43 characters. Anything else in a feed URL is rejected before any lookup. */
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

export interface FeedOwner {
  id: number
  role: Role
  agencyId: number | null
}

/**
 * The agency a user's feed lists: an officer's own agency, always; a user who sees every agency may choose one
 * (their own by default, when they have one).
 */
export function feedAgencyFor(user: FeedOwner, chosenAgencyId: number | null): number | null {
  if (!can(user.role, 'task.viewAll')) return user.agencyId
  return chosenAgencyId ?? user.agencyId
}

/**
 * Revokes the user's working link, if any, and makes a new one. Returns the token, which is not stored and can
 * never be shown again. One transaction, with its history entry.
 */
export function createFeedLink(db: Db, user: FeedOwner, chosenAgencyId: number | null = null, now = new Date()): string {
  if (chosenAgencyId != null && !can(user.role, 'task.viewAll') && chosenAgencyId !== user.agencyId) {
    throw new ForbiddenError('Cán bộ cơ quan chỉ tạo được lịch nhiệm vụ của cơ quan mình.')
  }
  const agencyId = feedAgencyFor(user, chosenAgencyId)
  if (agencyId == null) throw new ValidationError({ agency: 'Chọn cơ quan có nhiệm vụ cần đưa vào lịch.' })
  const token = randomBytes(32).toString('base64url')
  db.transaction((tx) => {
    const at = now.toISOString()
    const revoked = tx
      .update(calendarFeedTokens)
      .set({ revokedAt: at })
      .where(and(eq(calendarFeedTokens.userId, user.id), isNull(calendarFeedTokens.revokedAt)))
      .returning({ id: calendarFeedTokens.id })
      .all()
    const row = tx.insert(calendarFeedTokens).values({ userId: user.id, tokenHash: hashToken(token), agencyId, createdAt: at }).returning({ id: calendarFeedTokens.id }).get()
    appendHistory(tx, { actorId: user.id, entity: 'user', entityId: user.id, action: 'calendar_link_created', before: revoked.length ? { revokedLinks: revoked.map((r) => r.id) } : undefined, after: { linkId: row.id, agencyId }, at: now })
  })
  return token
}

/** Revokes the user's working link; false when there was none. */
export function revokeFeedLink(db: Db, user: FeedOwner, now = new Date()): boolean {
  return db.transaction((tx) => {
    const revoked = tx
      .update(calendarFeedTokens)
      .set({ revokedAt: now.toISOString() })
      .where(and(eq(calendarFeedTokens.userId, user.id), isNull(calendarFeedTokens.revokedAt)))
      .returning({ id: calendarFeedTokens.id })
      .all()
    if (revoked.length === 0) return false
    appendHistory(tx, { actorId: user.id, entity: 'user', entityId: user.id, action: 'calendar_link_revoked', before: { linkIds: revoked.map((r) => r.id) }, at: now })
    return true
  })
}

/** The user's working link (without its token, which is not kept), with the agency it lists. */
export function activeFeedLink(db: Db, userId: number) {
  return (
    db
      .select({ id: calendarFeedTokens.id, createdAt: calendarFeedTokens.createdAt, lastUsedAt: calendarFeedTokens.lastUsedAt, agencyId: calendarFeedTokens.agencyId, agencyName: agencies.name })
      .from(calendarFeedTokens)
      .leftJoin(agencies, eq(agencies.id, calendarFeedTokens.agencyId))
      .where(and(eq(calendarFeedTokens.userId, userId), isNull(calendarFeedTokens.revokedAt)))
      .orderBy(desc(calendarFeedTokens.id))
      .get() ?? null
  )
}

export interface ResolvedFeed {
  linkId: number
  user: FeedOwner & { name: string }
  agencyId: number
  agencyName: string
}

/**
 * The feed a token opens, or null for a malformed, unknown or revoked token, or one whose user has been
 * deactivated. The token is looked up by its SHA-256 through a unique index: no secret is compared byte by byte,
 * so the time taken says nothing about how close a guess was.
 */
export function resolveFeedToken(db: Db, token: string): ResolvedFeed | null {
  if (!TOKEN_RE.test(token)) return null
  const row = db
    .select({ link: calendarFeedTokens, user: { id: users.id, role: users.role, agencyId: users.agencyId, name: users.name, active: users.active }, agencyName: agencies.name })
    .from(calendarFeedTokens)
    .innerJoin(users, eq(users.id, calendarFeedTokens.userId))
    .leftJoin(agencies, eq(agencies.id, calendarFeedTokens.agencyId))
    .where(eq(calendarFeedTokens.tokenHash, hashToken(token)))
    .get()
  if (!row || row.link.revokedAt || !row.user.active) return null
  // An officer moved to another agency since the link was made sees their new agency's tasks, never the old one's.
  const agencyId = can(row.user.role, 'task.viewAll') ? row.link.agencyId : row.user.agencyId
  if (agencyId == null) return null
  const agencyName = agencyId === row.link.agencyId ? (row.agencyName ?? '') : (db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, agencyId)).get()?.name ?? '')
  return { linkId: row.link.id, user: { id: row.user.id, role: row.user.role, agencyId: row.user.agencyId, name: row.user.name }, agencyId, agencyName }
}

/** Records a fetch at most once an hour, so that a calendar polling every few minutes does not write every time. */
export function markFeedUsed(db: Db, linkId: number, now = new Date()): void {
  const hourAgo = new Date(now.getTime() - 3_600_000).toISOString()
  db.$client
    .prepare('update calendar_feed_tokens set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)')
    .run(now.toISOString(), linkId, hourAgo)
}
