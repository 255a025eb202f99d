// Builds a calendar feed response body: resolves the secret token, reads the agency's tasks, writes iCal text.
import type { Db } from '../../db/client'
import { formatVnDate, TIME_ZONE, todayInVietnam } from '../domain/dates'
import { buildCalendar, type AllDayEvent } from '../domain/ical'
import { feedTasks, type FeedTask } from '../models/calendar.server'
import { tasksRevision } from '../models/task.server'
import { markFeedUsed, resolveFeedToken } from '../services/calendar-feed.server'

function short(text: string, n: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > n ? flat.slice(0, n - 1) + '…' : flat
}

function stateLabel(t: FeedTask, today: string): string {
  if (t.status === 'completed') return `Đã hoàn thành${t.completedOn ? ` ngày ${formatVnDate(t.completedOn)}` : ''}`
  if (t.status === 'pending') return 'Chờ văn phòng xác nhận hoàn thành'
  return t.dueOn < today ? 'Quá hạn' : 'Đang thực hiện'
}

export function taskEvent(t: FeedTask, agencyName: string, base: string, today: string): AllDayEvent {
  const prefix = t.status === 'completed' ? '✓ ' : t.dueOn < today ? 'Quá hạn · ' : ''
  const role = t.role === 'lead' ? 'chủ trì' : 'phối hợp'
  const url = `${base.replace(/\/$/, '')}/tasks/${t.id}`
  const stamp = new Date(t.updatedAt)
  return {
    uid: `task-${t.id}@dondoc`,
    date: t.dueOn,
    summary: `${prefix}${t.directiveNumber}: ${short(t.content, 90)}${t.role === 'support' ? ' (phối hợp)' : ''}`,
    description: [
      `Văn bản: ${t.directiveNumber}${t.ref ? `, mục ${t.ref}` : ''}${t.periodLabel ? ` · kỳ ${t.periodLabel}` : ''}`,
      `${agencyName}: ${role}`,
      `Thời hạn: ${formatVnDate(t.dueOn)} · ${stateLabel(t, today)} · tiến độ ${t.progressPercent}%`,
      '',
      t.content,
      '',
      `Xem nhiệm vụ: ${url}`,
    ].join('\n'),
    url,
    stamp: Number.isNaN(stamp.getTime()) ? new Date(0) : stamp,
    categories: [t.role === 'lead' ? 'Chủ trì' : 'Phối hợp'],
  }
}

/**
 * The feed for a token, or null when the token opens nothing (malformed, unknown, revoked). The ETag moves with
 * the task data, the link and the day (the day turns tasks overdue), so an unchanged feed costs one lookup.
 */
export function feedEvents(db: Db, token: string, base: string, ifNoneMatch: string | null, now = new Date()) {
  const feed = resolveFeedToken(db, token)
  if (!feed) return null
  const today = todayInVietnam(now)
  const etag = `W/"${feed.linkId}-${feed.agencyId}-${tasksRevision(db)}-${today}"`
  markFeedUsed(db, feed.linkId, now)
  if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === etag)) return { etag, notModified: true as const, body: '' }
  const events = feedTasks(db, feed.agencyId, today).map((t) => taskEvent(t, feed.agencyName, base, today))
  const body = buildCalendar(
    {
      name: `Đôn đốc — ${feed.agencyName}`,
      description: `Thời hạn các nhiệm vụ mà ${feed.agencyName} chủ trì hoặc phối hợp (liên kết riêng của ${feed.user.name})`,
      timeZone: TIME_ZONE,
      refreshMinutes: 60,
    },
    events,
  )
  return { etag, notModified: false as const, body }
}
