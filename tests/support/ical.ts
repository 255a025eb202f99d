// A small RFC 5545 reader for tests: checks CRLF and 75-octet lines, unfolds, splits name;params:value, unescapes TEXT.
const octets = (s: string) => new TextEncoder().encode(s).length

export function parseIcal(text: string) {
  expect(text.endsWith('\r\n')).toBe(true)
  // Every line break is CRLF: no bare LF or CR anywhere.
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  const physical = text.slice(0, -2).split('\r\n')
  for (const line of physical) expect(octets(line)).toBeLessThanOrEqual(75)
  const logical: string[] = []
  for (const line of physical) {
    if (line.startsWith(' ')) logical[logical.length - 1] += line.slice(1)
    else logical.push(line)
  }
  const unescape = (v: string) => v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c))
  const events: Array<Record<string, string>> = []
  const calendar: Record<string, string> = {}
  let current: Record<string, string> | null = null
  for (const line of logical) {
    const colon = line.indexOf(':')
    const head = line.slice(0, colon)
    const value = line.slice(colon + 1)
    if (line === 'BEGIN:VEVENT') current = {}
    else if (line === 'END:VEVENT') {
      events.push(current!)
      current = null
    } else (current ?? calendar)[head] = ['SUMMARY', 'DESCRIPTION', 'X-WR-CALNAME', 'X-WR-CALDESC'].includes(head) ? unescape(value) : value
  }
  return { calendar, events, logical }
}

