// The task table used by the task list, the overdue list and a directive's page.
import { Link } from '@remix-run/react'
import { formatVnDate } from '../domain/dates'
import type { TaskRow } from '../models/task.server'
import { CategoryBadge, ProgressBar } from './ui'

/** The fields of a task row the table shows (TaskRow from the task model, as serialised to the page). */
export type TaskTableRow = Omit<TaskRow, 'rollupAgencyId' | 'completedOn' | 'lastNote'>

function truncate(s: string, n: number) {
  return s.length > n ? s.slice(0, n - 1) + '…' : s
}

export function TaskTable({ rows, showDirective = true, showLead = true }: { rows: TaskTableRow[]; showDirective?: boolean; showLead?: boolean }) {
  if (rows.length === 0) return <p className="muted">Không có nhiệm vụ nào.</p>
  return (
    <table>
      <thead>
        <tr>
          {showDirective ? <th>Văn bản</th> : null}
          <th>Nhiệm vụ</th>
          {showLead ? <th>Chủ trì</th> : null}
          <th>Thời hạn</th>
          <th>Tình trạng</th>
          <th className="num">Tiến độ</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-task-id={r.id}>
            {showDirective ? (
              <td className="nowrap small">
                <Link to={`/directives/${r.directiveId}`}>{r.directiveNumber}</Link>
                <div className="muted">{formatVnDate(r.directiveIssuedOn)}</div>
              </td>
            ) : null}
            <td>
              <Link to={`/tasks/${r.id}`}>
                {r.ref ? <strong>{r.ref}. </strong> : null}
                {truncate(r.content, 220)}
              </Link>
              {r.periodLabel ? <span className="muted small"> · Kỳ: {r.periodLabel}</span> : null}{' '}
              {!showLead && r.leadName !== r.actingLeadName ? <div className="muted small">Giao cho: {r.leadName}</div> : null}
              {r.isKey ? <span className="badge key">Trọng tâm</span> : null}{' '}
              {r.extensionPending ? <span className="badge pending">Chờ duyệt gia hạn</span> : null}
              {r.delayReason && (r.category === 'overdue' || r.category === 'done_late') ? <div className="delay">Lý do chậm: {r.delayReason}</div> : null}
            </td>
            {showLead ? (
              <td className="small">
                {r.leadName}
                {r.actingLeadName !== r.leadName ? <div className="muted">nay: {r.actingLeadName}</div> : null}
                {r.coLeadNames.length ? <div className="muted">đồng chủ trì: {r.coLeadNames.join(', ')}</div> : null}
              </td>
            ) : null}
            <td className="nowrap small">
              {r.dueOn ? formatVnDate(r.dueOn) : <span className="muted">Thường xuyên</span>}
              {r.originalDueOn && r.dueOn !== r.originalDueOn ? <div className="muted">hạn gốc {formatVnDate(r.originalDueOn)}</div> : null}
            </td>
            <td className="small">
              <CategoryBadge category={r.category} />
              {r.daysOverdue > 0 ? <div className="delay">Quá {r.daysOverdue} ngày</div> : null}
              {r.status === 'pending' ? <div><span className="badge pending">Chờ xác nhận</span></div> : null}
            </td>
            <td className="num small">
              <ProgressBar percent={r.progressPercent} /> {r.progressPercent}%
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
