// iCalendar text: escaping, folding at 75 octets without splitting a character, and a whole feed parsed back.
import { buildCalendar, escapeText, foldLine } from '../../app/domain/ical'

import { parseIcal } from '../support/ical'

const octets = (s: string) => new TextEncoder().encode(s).length

describe('iCal text', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf')
  })

  it('folds at 75 octets, never inside a multi-byte character, and unfolds to the original', () => {
    const line = 'SUMMARY:' + 'Rà soát, đơn giản hóa thủ tục hành chính nội bộ ở Bộ Nội vụ; '.repeat(6)
    const folded = foldLine(line)
    const parts = folded.split('\r\n')
    expect(parts.length).toBeGreaterThan(3)
    for (const p of parts) expect(octets(p)).toBeLessThanOrEqual(75)
    for (const p of parts.slice(1)) expect(p.startsWith(' ')).toBe(true)
    // No replacement characters: each piece is whole UTF-8.
    for (const p of parts) expect(new TextDecoder('utf-8', { fatal: true }).decode(new TextEncoder().encode(p))).toBe(p)
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line)
    expect(foldLine('SHORT:ok')).toBe('SHORT:ok')
  })

  it('builds a calendar that reads back: all-day events, next-day DTEND, stable UIDs', () => {
    const text = buildCalendar({ name: 'Đôn đốc — Bộ Nội vụ', timeZone: 'Asia/Ho_Chi_Minh', refreshMinutes: 60 }, [
      { uid: 'task-7@dondoc', date: '2024-12-31', summary: '44/TB-VPCP: Rà soát, báo cáo; xong', description: 'Dòng 1\nDòng 2, có \\ gạch', stamp: new Date('2024-05-01T03:04:05.678Z'), url: 'http://x/tasks/7' },
      { uid: 'task-8@dondoc', date: '2024-02-29', summary: 'Nhiệm vụ ngày nhuận', stamp: new Date('2024-01-01T00:00:00Z') },
    ])
    const { calendar, events } = parseIcal(text)
    expect(calendar['X-WR-CALNAME']).toBe('Đôn đốc — Bộ Nội vụ')
    expect(calendar['X-WR-TIMEZONE']).toBe('Asia/Ho_Chi_Minh')
    expect(calendar.VERSION).toBe('2.0')
    expect(events).toHaveLength(2)
    expect(events[0]).toMatchObject({
      UID: 'task-7@dondoc',
      'DTSTART;VALUE=DATE': '20241231',
      'DTEND;VALUE=DATE': '20250101',
      DTSTAMP: '20240501T030405Z',
      SUMMARY: '44/TB-VPCP: Rà soát, báo cáo; xong',
      DESCRIPTION: 'Dòng 1\nDòng 2, có \\ gạch',
    })
    expect(events[1]['DTEND;VALUE=DATE']).toBe('20240301')
  })
})
