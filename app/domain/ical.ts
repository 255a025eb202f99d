// iCalendar (RFC 5545) text for a feed of all-day deadlines: escaping, line folding at 75 octets, CRLF line ends.
import type { IsoDate } from '../../db/reference/types'
import { addDays } from './dates'

export interface AllDayEvent {
  /** Globally unique and stable across fetches, so calendar programs update the event instead of adding a copy. */
  uid: string
  date: IsoDate
  summary: string
  description?: string
  url?: string
  /** When the information was last revised (a UTC instant). */
  stamp: Date
  categories?: string[]
}

export interface CalendarInfo {
  name: string
  description?: string
  timeZone: string
  /** Minutes between refreshes suggested to the client. */
  refreshMinutes?: number
}

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, and newlines as \n. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    // Other control characters are not allowed in TEXT.
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
}

const encoder = new TextEncoder()

/**
 * Folds a content line so that no physical line is longer than 75 octets (RFC 5545 §3.1): continuation lines start
 * with one space, and a multi-byte UTF-8 character (Vietnamese letters are two or three bytes) is never split.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line
  const parts: string[] = []
  let current = ''
  let octets = 0
  // The first line holds 75 octets; each continuation holds 74 after its leading space.
  let limit = 75
  for (const ch of line) {
    const size = encoder.encode(ch).length
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
      limit = 74
    }
    current += ch
    octets += size
  }
  parts.push(current)
  return parts.join('\r\n ')
}

/** 'YYYYMMDD' for a VALUE=DATE property. */
export function icalDate(iso: IsoDate): string {
  return iso.replace(/-/g, '')
}

/** 'YYYYMMDDTHHMMSSZ', a UTC date-time. */
export function icalUtc(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}

/** The whole VCALENDAR as text, each line folded and ended by CRLF. */
export function buildCalendar(info: CalendarInfo, events: AllDayEvent[]): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Don doc//Lich han nhiem vu//VI',
    'CALSCALE:GREGORIAN',
    // No METHOD: in a plain published calendar DTSTAMP then means "last revised", which is what each event carries.
    `X-WR-CALNAME:${escapeText(info.name)}`,
    `X-WR-TIMEZONE:${info.timeZone}`,
  ]
  if (info.description) lines.push(`X-WR-CALDESC:${escapeText(info.description)}`)
  if (info.refreshMinutes) {
    lines.push(`REFRESH-INTERVAL;VALUE=DURATION:PT${info.refreshMinutes}M`, `X-PUBLISHED-TTL:PT${info.refreshMinutes}M`)
  }
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${icalUtc(e.stamp)}`,
      `LAST-MODIFIED:${icalUtc(e.stamp)}`,
      `DTSTART;VALUE=DATE:${icalDate(e.date)}`,
      `DTEND;VALUE=DATE:${icalDate(addDays(e.date, 1))}`,
      `SUMMARY:${escapeText(e.summary)}`,
    )
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`)
    if (e.url) lines.push(`URL:${e.url}`)
    if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`)
    // An all-day deadline does not make the attendee busy.
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT')
  }
  lines.push('END:VCALENDAR')
  return lines.map(foldLine).join('\r\n') + '\r\n'
}
