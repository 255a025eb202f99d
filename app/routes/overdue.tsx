// The overdue list for meetings: grouped by the accountable agency, longest overdue first.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { TaskTable } from '../components/task-table'
import { ExportLinks } from '../components/export-links'
import { FormError, Pager } from '../components/ui'
import { formatNumber } from '../domain/categories'
import { formatVnDate, todayInVietnam } from '../domain/dates'
import { getDb, requireUser } from '../lib/http.server'
import { parseTaskFilters } from '../lib/task-filters.server'
import { getAgency } from '../models/agency.server'
import { overdueList, OVERDUE_TASKS_PER_AGENCY } from '../models/task.server'

export const meta: MetaFunction = () => [{ title: 'Nhiệm vụ quá hạn — Đôn đốc' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const db = getDb()
  const { filters, errors, page } = parseTaskFilters(db, new URL(request.url))
  const today = todayInVietnam()
  const result = errors.length ? { groups: [], totalTasks: 0, totalAgencies: 0, page: 1, pageCount: 1 } : overdueList(db, user, filters, today, page)
  const groups = result.groups.map((g) => ({ ...g, code: getAgency(db, g.agencyId)?.code ?? '' }))
  return json({ ...result, groups, errors, today, perAgency: OVERDUE_TASKS_PER_AGENCY })
}

export default function Overdue() {
  const d = useLoaderData<typeof loader>()
  return (
    <>
      <h1>
        Nhiệm vụ quá hạn <span className="muted small">tính đến ngày {formatVnDate(d.today)}</span>
      </h1>
      {d.errors.map((e) => (
        <FormError key={e} message={e} />
      ))}
      <p>
        <strong>{formatNumber(d.totalTasks)}</strong> nhiệm vụ quá hạn của <strong>{formatNumber(d.totalAgencies)}</strong> cơ quan, sắp theo số ngày quá hạn.
      </p>
      <ExportLinks lists={['overdue', 'overdue-agencies']} />
      <Pager page={d.page} pageCount={d.pageCount} total={d.totalAgencies} unit="cơ quan" />
      {d.groups.length === 0 ? <p className="muted">Không có nhiệm vụ nào quá hạn.</p> : null}
      {d.groups.map((g) => (
        <section key={g.agencyId} data-agency={g.code}>
          <div className="group-head">
            <h2>
              {g.agencyName} <span className="muted small">({formatNumber(g.count)} nhiệm vụ, lâu nhất {formatNumber(g.maxDaysOverdue)} ngày)</span>
            </h2>
            {g.count > g.tasks.length ? <Link to={`/tasks?agency=${g.code}&category=overdue`}>Xem cả {formatNumber(g.count)} nhiệm vụ →</Link> : null}
          </div>
          <TaskTable rows={g.tasks} showLead={false} />
        </section>
      ))}
      <Pager page={d.page} pageCount={d.pageCount} total={d.totalAgencies} unit="cơ quan" />
    </>
  )
}
