// The overdue list for meetings: grouped by the accountable agency, longest overdue first; on screen, in meeting
// mode (?mode=meeting, one agency at a time for a projector) and as a printed annex (?print=1, A4 landscape).
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { ExportLinks } from '../components/export-links'
import { MeetingMode } from '../components/overdue-meeting'
import { OverduePrint } from '../components/overdue-print'
import { OverdueTable } from '../components/overdue-table'
import { FormError, Pager } from '../components/ui'
import { formatNumber } from '../domain/categories'
import { formatVnDate, formatVnDateTime, todayInVietnam } from '../domain/dates'
import { getDb, requireUser } from '../lib/http.server'
import { parseTaskFilters } from '../lib/task-filters.server'
import { resolveAgencyName } from '../models/agency.server'
import { overdueMeeting, overduePrint, MEETING_TASKS_MAX } from '../models/overdue.server'
import { overdueList, OVERDUE_TASKS_PER_AGENCY } from '../models/task.server'
import { issuingOfficeLines, readSettings } from '../services/settings.server'
import { issuerFor } from '../exports/lists.server'

export const meta: MetaFunction = () => [{ title: 'Nhiệm vụ quá hạn — Đôn đốc' }]

/** The filters of the list as a query string, so that meeting mode and the print view show the same tasks. */
function filterQuery(values: Record<string, string>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(values)) if (value.trim()) params.set(key, value)
  return params.toString()
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const db = getDb()
  const url = new URL(request.url)
  const { filters, values, errors, page } = parseTaskFilters(db, url)
  const today = todayInVietnam()
  const asOfTime = formatVnDateTime(new Date())
  const query = filterQuery(values)
  const chosen = filters.agencyIds && values.agency ? resolveAgencyName(db, values.agency) : null
  // What the list is limited to, in words, for the meeting screen and the annex's heading.
  const scope = {
    agency: chosen?.type === 'agency' ? chosen.agency.name : null,
    ownAgency: user.role === 'agency' ? user.agencyName : null,
  }
  const base = { errors, today, asOfTime, query, scope }
  if (url.searchParams.get('mode') === 'meeting') {
    const at = (url.searchParams.get('at') ?? '').slice(0, 64) || null
    const view = errors.length ? { groups: [], index: -1, tasks: [], atMissing: false, totalTasks: 0 } : overdueMeeting(db, user, filters, today, at)
    return json({ ...base, mode: 'meeting' as const, ...view, tasksMax: MEETING_TASKS_MAX })
  }
  if (url.searchParams.get('print') === '1') {
    const view = errors.length ? { groups: [], detailed: [], totalTasks: 0, omittedTasks: 0 } : overduePrint(db, user, filters, today)
    return json({ ...base, mode: 'print' as const, ...view, office: issuerFor(db, user).split('\n'), officeConfigured: issuingOfficeLines(readSettings(db).issuingOffice).length > 0, canEditOffice: user.role === 'admin' })
  }
  const result = errors.length ? { groups: [], totalTasks: 0, totalAgencies: 0, page: 1, pageCount: 1 } : overdueList(db, user, filters, today, page)
  return json({ ...base, mode: 'list' as const, ...result, perAgency: OVERDUE_TASKS_PER_AGENCY })
}

export default function Overdue() {
  const d = useLoaderData<typeof loader>()
  if (d.mode === 'meeting') return <MeetingMode data={d} />
  if (d.mode === 'print') return <OverduePrint data={d} />
  const withQuery = (extra: string) => `/overdue?${[d.query, extra].filter(Boolean).join('&')}`
  return (
    <>
      <h1>
        Nhiệm vụ quá hạn <span className="muted small">tính đến ngày {formatVnDate(d.today)}</span>
      </h1>
      {d.errors.map((e) => (
        <FormError key={e} message={e} />
      ))}
      <div className="overdue-actions">
        <Link className="button" to={withQuery('mode=meeting')} title="Toàn màn hình, chữ lớn, từng cơ quan một; điều khiển bằng bàn phím">
          Chế độ họp
        </Link>
        <Link className="button secondary" to={withQuery('print=1')} title="Bản in khổ A4 ngang, có số trang và ngày số liệu">
          In
        </Link>
      </div>
      <p>
        <strong>{formatNumber(d.totalTasks)}</strong> nhiệm vụ quá hạn của <strong>{formatNumber(d.totalAgencies)}</strong> cơ quan, sắp theo số ngày quá hạn
        {d.scope.agency ? <> · cơ quan: {d.scope.agency}</> : null}.
      </p>
      <ExportLinks lists={['overdue', 'overdue-agencies']} />
      <Pager page={d.page} pageCount={d.pageCount} total={d.totalAgencies} unit="cơ quan" />
      {d.groups.length === 0 ? <p className="muted">Không có nhiệm vụ nào quá hạn.</p> : null}
      {d.groups.map((g) => (
        <section key={g.agencyId} data-agency={g.agencyCode}>
          <div className="group-head">
            <h2>
              {g.agencyName} <span className="muted small">({formatNumber(g.count)} nhiệm vụ, lâu nhất {formatNumber(g.maxDaysOverdue)} ngày)</span>
            </h2>
            <span className="small">
              <Link to={withQuery(`mode=meeting&at=${encodeURIComponent(g.agencyCode)}`)}>Trình chiếu</Link>
              {g.count > g.tasks.length ? (
                <>
                  {' · '}
                  <Link to={`/tasks?agency=${encodeURIComponent(g.agencyCode)}&category=overdue`}>Xem cả {formatNumber(g.count)} nhiệm vụ →</Link>
                </>
              ) : null}
            </span>
          </div>
          <OverdueTable rows={g.tasks} variant="screen" />
        </section>
      ))}
      <Pager page={d.page} pageCount={d.pageCount} total={d.totalAgencies} unit="cơ quan" />
    </>
  )
}
