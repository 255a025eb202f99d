// The overdue tasks of one agency, as read in a meeting: directive, content, deadline, days overdue, latest note, extension.
import { Link } from '@remix-run/react'
import { formatNumber } from '../domain/categories'
import { formatVnDate } from '../domain/dates'
import type { TaskRow } from '../models/task.server'

/** The fields of a task row the overdue table shows, as serialised to the page. */
export type OverdueTableRow = Pick<
  TaskRow,
  | 'id'
  | 'content'
  | 'ref'
  | 'periodLabel'
  | 'directiveId'
  | 'directiveNumber'
  | 'directiveIssuedOn'
  | 'leadName'
  | 'actingLeadName'
  | 'coLeadNames'
  | 'dueOn'
  | 'originalDueOn'
  | 'status'
  | 'progressPercent'
  | 'lastNote'
  | 'delayReason'
  | 'isKey'
  | 'extensionPending'
  | 'daysOverdue'
>

function truncate(s: string, n: number) {
  return s.length > n ? s.slice(0, n - 1) + '…' : s
}

/**
 * `screen`: links and badges; `meeting`: large type, shorter texts; `print`: full texts, no links, a numbered
 * column, and the table header repeated on every page by the browser (thead).
 */
export function OverdueTable({ rows, variant, caption, startAt = 1 }: { rows: OverdueTableRow[]; variant: 'screen' | 'meeting' | 'print'; caption?: React.ReactNode; startAt?: number }) {
  const linked = variant === 'screen'
  const contentMax = variant === 'meeting' ? 260 : variant === 'screen' ? 320 : 2000
  const noteMax = variant === 'meeting' ? 160 : variant === 'screen' ? 200 : 600
  return (
    <table className={`overdue-table overdue-${variant}`}>
      {/* Fixed widths give the note its room; an auto layout squeezes it beside long contents. */}
      <colgroup>
        <col className="c-no" />
        <col className="c-directive" />
        <col className="c-content" />
        <col className="c-due" />
        <col className="c-days" />
        <col className="c-note" />
        <col className="c-ext" />
      </colgroup>
      <thead>
        {caption ? (
          <tr className="overdue-caption">
            <th colSpan={7}>{caption}</th>
          </tr>
        ) : null}
        <tr>
          <th className="num">TT</th>
          <th>Văn bản</th>
          <th>Nội dung nhiệm vụ</th>
          <th>Thời hạn</th>
          <th className="num">Quá hạn</th>
          <th>Tiến độ, ghi chú mới nhất</th>
          <th>Gia hạn</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.id} data-task-id={r.id}>
            <td className="num">{startAt + i}</td>
            <td className="nowrap">
              {linked ? <Link to={`/directives/${r.directiveId}`}>{r.directiveNumber}</Link> : <strong>{r.directiveNumber}</strong>}
              <div className="muted">ngày {formatVnDate(r.directiveIssuedOn)}</div>
            </td>
            <td>
              {linked ? (
                <Link to={`/tasks/${r.id}`}>
                  {r.ref ? <strong>{r.ref}. </strong> : null}
                  {truncate(r.content, contentMax)}
                </Link>
              ) : (
                <>
                  {r.ref ? <strong>{r.ref}. </strong> : null}
                  {truncate(r.content, contentMax)}
                </>
              )}
              {r.periodLabel ? <span className="muted"> · Kỳ: {r.periodLabel}</span> : null}
              {r.leadName !== r.actingLeadName ? <div className="muted">Giao cho: {r.leadName}</div> : null}
              {r.coLeadNames.length ? <div className="muted">Đồng chủ trì: {r.coLeadNames.join(', ')}</div> : null}
              {r.isKey ? <span className="badge key">Trọng tâm</span> : null}
            </td>
            <td className="nowrap">
              {formatVnDate(r.dueOn)}
              {r.originalDueOn && r.dueOn !== r.originalDueOn ? <div className="muted">hạn gốc {formatVnDate(r.originalDueOn)}</div> : null}
            </td>
            <td className="num days-overdue">{formatNumber(r.daysOverdue)} ngày</td>
            <td>
              <span className="nowrap">{r.progressPercent}%</span>
              {r.status === 'pending' ? <span className="badge pending">Chờ xác nhận hoàn thành</span> : null}
              {r.lastNote ? <div>{truncate(r.lastNote, noteMax)}</div> : <div className="muted">Chưa báo cáo</div>}
              {r.delayReason ? <div className="delay">Lý do chậm: {truncate(r.delayReason, noteMax)}</div> : null}
            </td>
            <td>{r.extensionPending ? <span className="badge pending">Đang chờ duyệt</span> : <span className="muted">—</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
