// Parsing the --now instant of the job command line.
import { isValidIsoDate } from '../app/domain/dates'

/** An ISO 8601 instant with a real date, a time and an offset (or Z): anything else is refused, not guessed. */
export function parseNow(value: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.exec(value)
  if (!m || !isValidIsoDate(m[1])) return null
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? null : d
}
