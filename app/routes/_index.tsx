// The home page: today's figures for what the user may see, and the way to the overdue list in one click.
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { sql } from 'drizzle-orm'
import { extensionRequests, tasks } from '../../db/schema'
import { computeRates, formatNumber, formatRate, sumCounts } from '../domain/categories'
import { addDays, formatVnDate, todayInVietnam } from '../domain/dates'
import { can } from '../domain/permissions'
import { getDb, requireUser } from '../lib/http.server'
import { countsByAgency, scopeCondition } from '../models/task.server'

export const meta: MetaFunction = () => [{ title: 'Tổng quan — Đôn đốc' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const db = getDb()
  const today = todayInVietnam()
  const counts = sumCounts(...countsByAgency(db, user, today).values())
  const rates = computeRates(counts)
  const scope = scopeCondition(user)
  const pending = db.select({ n: sql<number>`count(*)` }).from(tasks).where(sql`${tasks.status} = 'pending' ${scope ? sql`and ${scope}` : sql``}`).get()?.n ?? 0
  const extensions =
    db
      .select({ n: sql<number>`count(*)` })
      .from(extensionRequests)
      .innerJoin(tasks, sql`${tasks.id} = ${extensionRequests.taskId}`)
      .where(sql`${extensionRequests.status} = 'pending' ${scope ? sql`and ${scope}` : sql``}`)
      .get()?.n ?? 0
  const soonUntil = addDays(today, 5)
  const dueSoon =
    db
      .select({ n: sql<number>`count(*)` })
      .from(tasks)
      .where(sql`${tasks.status} = 'open' and ${tasks.dueOn} >= ${today} and ${tasks.dueOn} <= ${soonUntil} ${scope ? sql`and ${scope}` : sql``}`)
      .get()?.n ?? 0
  return json({ user: { role: user.role, agencyName: user.agencyName }, canDashboard: can(user.role, 'dashboard.view'), today, soonUntil, counts, rates, pending, extensions, dueSoon })
}

export default function Home() {
  const d = useLoaderData<typeof loader>()
  const [params] = useSearchParams()
  const scopeLabel = d.user.role === 'agency' ? `Nhiệm vụ của ${d.user.agencyName ?? 'cơ quan'}` : 'Toàn bộ nhiệm vụ'
  return (
    <>
      {params.get('notice') === 'password' ? <p className="notice">Đã đổi mật khẩu.</p> : null}
      <h1>
        Tổng quan <span className="muted small">tính đến ngày {formatVnDate(d.today)}</span>
      </h1>
      <p className="muted">{scopeLabel}</p>
      {d.canDashboard ? (
        <p>
          <Link to="/dashboard">Bảng điều hành: xu hướng 12 tháng, xếp hạng cơ quan →</Link> · <Link to="/reports">Báo cáo định kỳ (quý, 6 tháng, năm) →</Link>
        </p>
      ) : null}
      <div className="cards">
        <Link to="/overdue" className="stat bad">
          <span className="n">{formatNumber(d.counts.overdue)}</span>
          <span className="l">Quá hạn → xem danh sách</span>
        </Link>
        <Link to={`/tasks?category=in_progress&dueTo=${formatVnDate(d.soonUntil)}`} className="stat">
          <span className="n">{formatNumber(d.dueSoon)}</span>
          <span className="l">Sắp đến hạn (5 ngày tới)</span>
        </Link>
        <Link to="/tasks?category=in_progress" className="stat">
          <span className="n">{formatNumber(d.counts.inProgress)}</span>
          <span className="l">Đang thực hiện trong hạn</span>
        </Link>
        <Link to="/tasks?category=done_on_time" className="stat ok">
          <span className="n">{formatNumber(d.counts.doneOnTime)}</span>
          <span className="l">Hoàn thành đúng hạn</span>
        </Link>
        <Link to="/tasks?category=done_late" className="stat">
          <span className="n">{formatNumber(d.counts.doneLate)}</span>
          <span className="l">Hoàn thành quá hạn</span>
        </Link>
        <Link to="/tasks?category=standing" className="stat">
          <span className="n">{formatNumber(d.counts.standing)}</span>
          <span className="l">Nhiệm vụ thường xuyên</span>
        </Link>
      </div>
      <div className="cards">
        <div className="stat">
          <span className="n">{formatRate(d.rates.completionRate)}</span>
          <span className="l">Tỷ lệ hoàn thành (đã hoàn thành ÷ được giao có thời hạn)</span>
        </div>
        <div className="stat">
          <span className="n">{formatRate(d.rates.dueCompletionRate)}</span>
          <span className="l">Tỷ lệ hoàn thành trên số đã đến hạn</span>
        </div>
        <div className="stat">
          <span className="n">{formatRate(d.rates.onTimeRate)}</span>
          <span className="l">Tỷ lệ đúng hạn (đúng hạn ÷ đã hoàn thành)</span>
        </div>
        <Link to="/tasks?status=pending" className="stat">
          <span className="n">{formatNumber(d.pending)}</span>
          <span className="l">Chờ xác nhận hoàn thành</span>
        </Link>
        <Link to="/tasks?extension=pending" className="stat">
          <span className="n">{formatNumber(d.extensions)}</span>
          <span className="l">Đề nghị gia hạn chờ quyết định</span>
        </Link>
      </div>
    </>
  )
}
