// One task: its facts, its agencies and their progress, the forms for what the user may do, and its full history.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { CategoryBadge, CsrfInput, Field, FormError, ProgressBar } from '../components/ui'
import { daysLeft } from '../domain/categories'
import { formatVnDate, formatVnDateTime, todayInVietnam } from '../domain/dates'
import { taskAccess } from '../domain/permissions'
import { historyActionLabel, describeHistoryChange } from '../lib/history-labels'
import { DIRECTIVE_TYPE_LABELS, TASK_STATUS_LABELS, CompletionFormSchema, ExtensionFormSchema, NoteFormSchema, ProgressFormSchema, ReasonFormSchema, vnDate } from '../lib/forms'
import { failure, forbidden, getDb, notFound, parseId, parseWith, readForm, requireUser, type ActionFailure } from '../lib/http.server'
import { securityLog } from '../lib/security-log.server'
import { getTaskDetail, taskAgencyRoles } from '../models/task.server'
import {
  cancelTask,
  confirmCompletion,
  decideExtension,
  editTask,
  proposeCompletion,
  reportProgress,
  requestExtension,
  returnCompletion,
} from '../services/task-workflow.server'
import { z } from 'zod'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Nhiệm vụ ${data?.row.ref ?? ''} — Đôn đốc` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const id = parseId(params.id)
  const db = getDb()
  const today = todayInVietnam()
  const detail = getTaskDetail(db, id, today)
  if (!detail) throw notFound('Không tìm thấy nhiệm vụ.')
  const access = taskAccess(user, detail.assigned)
  if (!access.canView) {
    securityLog('forbidden', { userId: user.id, role: user.role, path: `/tasks/${id}`, reason: 'task outside agency' })
    throw forbidden('Nhiệm vụ này không thuộc cơ quan của bạn.')
  }
  const { row, task, item, directive, assigned, reports, extensions, history } = detail
  return json({
    today,
    access,
    row,
    task: { id: task.id, status: task.status, dueOn: task.dueOn, originalDueOn: task.originalDueOn, completedOn: task.completedOn, extensionCount: task.extensionCount, content: task.content, isKey: task.isKey },
    daysLeft: daysLeft(task.dueOn, today),
    item: { ref: item.ref, output: item.output, target: item.target, deadlinePhrase: item.deadlinePhrase, recurrence: item.recurrence },
    directive: { id: directive.id, number: directive.number, title: directive.title, type: DIRECTIVE_TYPE_LABELS[directive.type], issuedOn: directive.issuedOn, status: directive.status },
    assigned,
    reports: reports.map((r) => ({ ...r.report, agencyName: r.agencyName, userName: r.userName })),
    extensions: extensions.map((e) => ({ ...e.request, userName: e.userName })),
    history: history.map((h) => ({ id: h.entry.id, at: h.entry.at, action: h.entry.action, actorName: h.actorName, before: h.entry.before, after: h.entry.after })),
  })
}

const INTENTS = ['progress', 'complete', 'extension', 'confirm', 'return', 'approve_extension', 'refuse_extension', 'edit', 'cancel'] as const
type Intent = (typeof INTENTS)[number]

const EditSchema = z.object({
  content: z.string().trim().min(3, 'Nội dung nhiệm vụ phải có ít nhất 3 ký tự.').max(5000, 'Nội dung không được dài quá 5.000 ký tự.'),
  dueOn: z.string().trim().optional(),
  isKey: z
    .string()
    .optional()
    .transform((v) => v === 'on'),
})

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const id = parseId(params.id)
  const db = getDb()
  const form = await readForm(request, user)
  const intent = String(form.get('intent') ?? '') as Intent
  if (!INTENTS.includes(intent)) return json<ActionFailure>({ ok: false, fieldErrors: {}, formError: 'Thao tác không hợp lệ.' }, { status: 400 })
  // Outsiders learn nothing, not even whether the task exists, and the attempt is logged.
  const roles = taskAgencyRoles(db, id)
  if (!taskAccess(user, roles).canView) {
    securityLog('forbidden', { userId: user.id, role: user.role, path: `/tasks/${id}`, intent, reason: 'task outside agency' })
    throw forbidden('Nhiệm vụ này không thuộc cơ quan của bạn.')
  }
  try {
    switch (intent) {
      case 'progress':
        reportProgress(db, user, id, parseWith(ProgressFormSchema, form))
        break
      case 'complete':
        proposeCompletion(db, user, id, parseWith(CompletionFormSchema, form))
        break
      case 'extension':
        requestExtension(db, user, id, parseWith(ExtensionFormSchema, form))
        break
      case 'confirm':
        confirmCompletion(db, user, id, parseWith(NoteFormSchema, form).note)
        break
      case 'return':
        returnCompletion(db, user, id, parseWith(ReasonFormSchema, form).reason)
        break
      case 'approve_extension':
        decideExtension(db, user, id, { approve: true, note: parseWith(NoteFormSchema, form).note })
        break
      case 'refuse_extension':
        decideExtension(db, user, id, { approve: false, note: parseWith(NoteFormSchema, form).note })
        break
      case 'edit': {
        const v = parseWith(EditSchema, form)
        const detail = getTaskDetail(db, id, todayInVietnam())
        if (!detail) throw notFound('Không tìm thấy nhiệm vụ.')
        const dueOn = v.dueOn ? parseWith(z.object({ dueOn: vnDate('thời hạn') }), { dueOn: v.dueOn }).dueOn : null
        editTask(db, user, id, { content: v.content, dueOn, isKey: v.isKey, issuedOn: detail.directive.issuedOn })
        break
      }
      case 'cancel':
        cancelTask(db, user, id, parseWith(ReasonFormSchema, form).reason)
        break
    }
  } catch (error) {
    return failure(error, { user, request, intent })
  }
  return json({ ok: true as const, intent, fieldErrors: {} as Record<string, string>, formError: undefined })
}

const DONE_MESSAGES: Record<Intent, string> = {
  progress: 'Đã ghi nhận báo cáo tiến độ.',
  complete: 'Đã gửi đề nghị xác nhận hoàn thành tới văn phòng.',
  extension: 'Đã gửi đề nghị gia hạn.',
  confirm: 'Đã xác nhận hoàn thành.',
  return: 'Đã trả lại kết quả cho cơ quan chủ trì.',
  approve_extension: 'Đã duyệt gia hạn.',
  refuse_extension: 'Đã từ chối gia hạn.',
  edit: 'Đã lưu thay đổi.',
  cancel: 'Đã hủy nhiệm vụ.',
}

export default function TaskPage() {
  const d = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const nav = useNavigation()
  const busy = nav.state !== 'idle'
  const errorsFor = (intent: Intent) => (result && !result.ok && result.intent === intent ? result.fieldErrors : {})
  const formErrorFor = (intent: Intent) => (result && !result.ok && result.intent === intent ? result.formError : undefined)
  const overdue = d.row.category === 'overdue'
  const pendingExtension = d.extensions.find((e) => e.status === 'pending')
  const pendingCompletion = d.reports.find((r) => r.kind === 'completion' && r.status === 'pending')
  return (
    <>
      <p className="small">
        <Link to={`/directives/${d.directive.id}`}>
          {d.directive.type} số {d.directive.number} ngày {formatVnDate(d.directive.issuedOn)}
        </Link>{' '}
        · <span className="muted">{d.directive.title}</span>
      </p>
      <h1>
        Nhiệm vụ {d.item.ref ? `mục ${d.item.ref}` : ''} {d.row.periodLabel ? `· kỳ ${d.row.periodLabel}` : ''}
      </h1>
      {result?.ok ? <p className="notice">{DONE_MESSAGES[result.intent]}</p> : null}
      <div className="cols">
        <div>
          <div className="card">
            <p style={{ whiteSpace: 'pre-wrap', marginTop: 0 }}>{d.task.content}</p>
            <dl className="facts">
              <dt>Tình trạng</dt>
              <dd>
                <CategoryBadge category={d.row.category} /> <span className="muted small">{TASK_STATUS_LABELS[d.task.status]}</span>
                {d.row.daysOverdue > 0 ? <span className="delay"> · quá hạn {d.row.daysOverdue} ngày</span> : null}
                {d.task.status === 'open' && d.daysLeft != null && d.daysLeft > 0 ? <span className="muted"> · còn {d.daysLeft} ngày</span> : null}
              </dd>
              <dt>Thời hạn</dt>
              <dd>
                {d.task.dueOn ? formatVnDate(d.task.dueOn) : 'Thường xuyên'}
                {d.task.originalDueOn && d.task.originalDueOn !== d.task.dueOn ? (
                  <span className="muted"> (hạn gốc {formatVnDate(d.task.originalDueOn)}, đã gia hạn {d.task.extensionCount} lần)</span>
                ) : null}
                {d.item.deadlinePhrase ? <div className="muted small">“{d.item.deadlinePhrase}”</div> : null}
              </dd>
              {d.task.completedOn ? (
                <>
                  <dt>Ngày hoàn thành</dt>
                  <dd>{formatVnDate(d.task.completedOn)}</dd>
                </>
              ) : null}
              <dt>Sản phẩm</dt>
              <dd>{d.item.output ?? <span className="muted">Chưa xác định</span>}</dd>
              {d.item.target ? (
                <>
                  <dt>Chỉ tiêu</dt>
                  <dd>{d.item.target}</dd>
                </>
              ) : null}
              {d.row.delayReason ? (
                <>
                  <dt>Lý do chậm</dt>
                  <dd className="delay">{d.row.delayReason}</dd>
                </>
              ) : null}
              <dt>Trọng tâm</dt>
              <dd>{d.task.isKey ? 'Có' : 'Không'}</dd>
            </dl>
          </div>
          <h2>Cơ quan thực hiện</h2>
          <table>
            <thead>
              <tr>
                <th>Cơ quan</th>
                <th>Vai trò</th>
                <th className="num">Tiến độ</th>
                <th>Báo cáo gần nhất</th>
              </tr>
            </thead>
            <tbody>
              {d.assigned.map((a) => (
                <tr key={a.agencyId}>
                  <td>
                    {a.name} <span className="muted small">({a.code})</span>
                    {a.role === 'lead' && d.row.leadName !== a.name && d.assigned.filter((x) => x.role === 'lead').length === 1 ? (
                      <div className="muted small">được giao: {d.row.leadName}</div>
                    ) : null}
                  </td>
                  <td>{a.role === 'lead' ? 'Chủ trì' : 'Phối hợp'}</td>
                  <td className="num">
                    <ProgressBar percent={a.role === 'lead' ? d.row.progressPercent : a.progressPercent} /> {a.role === 'lead' ? d.row.progressPercent : a.progressPercent}%
                  </td>
                  <td className="small">{a.lastNote ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <h2>Báo cáo</h2>
          {d.reports.length === 0 ? <p className="muted">Chưa có báo cáo.</p> : null}
          <ul className="history">
            {d.reports.map((r) => (
              <li key={r.id}>
                <span className="when">
                  {formatVnDate(r.reportedOn)} · {r.agencyName} · {r.userName}
                </span>
                <div>
                  {r.kind === 'completion' ? <strong>Đề nghị xác nhận hoàn thành</strong> : <strong>Tiến độ {r.percent}%</strong>}
                  {r.kind === 'completion' ? <span className="muted"> — {r.status === 'pending' ? 'chờ xác nhận' : r.status === 'confirmed' ? 'đã xác nhận' : 'bị trả lại'}</span> : null}: {r.note}
                  {r.evidenceNumber ? (
                    <span className="muted">
                      {' '}
                      (văn bản {r.evidenceNumber} ngày {formatVnDate(r.evidenceDate)})
                    </span>
                  ) : null}
                  {r.delayReason ? <div className="delay">Lý do chậm: {r.delayReason}</div> : null}
                  {r.decisionNote ? <div className="muted small">Ý kiến văn phòng: {r.decisionNote}</div> : null}
                </div>
              </li>
            ))}
          </ul>

          {d.extensions.length ? (
            <>
              <h2>Gia hạn</h2>
              <ul className="history">
                {d.extensions.map((e) => (
                  <li key={e.id}>
                    <span className="when">
                      {formatVnDateTime(e.createdAt)} · {e.userName}
                    </span>
                    <div>
                      Đề nghị từ {formatVnDate(e.currentDueOn)} đến {formatVnDate(e.proposedDueOn)}: {e.reason} —{' '}
                      <strong>{e.status === 'pending' ? 'chờ quyết định' : e.status === 'approved' ? 'đã duyệt' : 'bị từ chối'}</strong>
                      {e.decisionNote ? <span className="muted"> ({e.decisionNote})</span> : null}
                    </div>
                  </li>
                ))}
              </ul>
            </>
          ) : null}

          <h2>Lịch sử</h2>
          <ol className="history" data-testid="history">
            {d.history.map((h) => (
              <li key={h.id}>
                <span className="when">
                  {formatVnDateTime(h.at)} · {h.actorName ?? 'Hệ thống'}
                </span>
                <div>
                  <strong>{historyActionLabel(h.action)}</strong> <span className="small muted">{describeHistoryChange(h.before, h.after)}</span>
                </div>
              </li>
            ))}
          </ol>
        </div>

        <div className="actions">
          {d.access.canReport && d.task.status === 'open' ? (
            <div className="card">
              <h2>Báo cáo tiến độ</h2>
              <FormError message={formErrorFor('progress')} />
              <Form method="post" className="stack">
                <CsrfInput />
                <input type="hidden" name="intent" value="progress" />
                <Field label="Tiến độ (%)" name="percent" type="number" defaultValue={d.access.agencyRole === 'lead' ? d.row.progressPercent : undefined} error={errorsFor('progress').percent} />
                <Field label="Nội dung" name="note" multiline error={errorsFor('progress').note} />
                {overdue ? <Field label="Lý do chậm (bắt buộc khi quá hạn)" name="delayReason" multiline error={errorsFor('progress').delayReason} /> : null}
                <div>
                  <button type="submit" disabled={busy}>
                    Gửi báo cáo
                  </button>
                </div>
              </Form>
            </div>
          ) : null}
          {d.access.canProposeCompletion && d.task.status === 'open' ? (
            <div className="card">
              <h2>Đề nghị xác nhận hoàn thành</h2>
              <FormError message={formErrorFor('complete')} />
              <Form method="post" className="stack">
                <CsrfInput />
                <input type="hidden" name="intent" value="complete" />
                <Field label="Kết quả" name="note" multiline error={errorsFor('complete').note} />
                <Field label="Số, ký hiệu văn bản kết quả" name="evidenceNumber" error={errorsFor('complete').evidenceNumber} />
                <Field label="Ngày văn bản kết quả" name="evidenceDate" placeholder="dd/mm/yyyy" error={errorsFor('complete').evidenceDate} />
                {overdue ? <Field label="Lý do chậm (bắt buộc khi quá hạn)" name="delayReason" multiline error={errorsFor('complete').delayReason} /> : null}
                <div>
                  <button type="submit" disabled={busy}>
                    Đề nghị xác nhận
                  </button>
                </div>
              </Form>
            </div>
          ) : null}
          {d.access.canRequestExtension && d.task.status === 'open' && d.task.dueOn && !pendingExtension && !overdue ? (
            <div className="card">
              <h2>Đề nghị gia hạn</h2>
              <FormError message={formErrorFor('extension')} />
              <Form method="post" className="stack">
                <CsrfInput />
                <input type="hidden" name="intent" value="extension" />
                <Field label="Thời hạn đề nghị" name="proposedDueOn" placeholder="dd/mm/yyyy" error={errorsFor('extension').proposedDueOn} />
                <Field label="Lý do" name="reason" multiline error={errorsFor('extension').reason} />
                <div>
                  <button type="submit" disabled={busy} className="secondary">
                    Gửi đề nghị gia hạn
                  </button>
                </div>
              </Form>
            </div>
          ) : null}
          {d.access.canDecide && d.task.status === 'pending' && pendingCompletion ? (
            <div className="card">
              <h2>Xác nhận hoàn thành</h2>
              <p className="small">
                {pendingCompletion.agencyName} báo cáo hoàn thành ngày {formatVnDate(pendingCompletion.reportedOn)}: {pendingCompletion.note}
              </p>
              <FormError message={formErrorFor('confirm') ?? formErrorFor('return')} />
              <Form method="post" className="stack">
                <CsrfInput />
                <input type="hidden" name="intent" value="confirm" />
                <Field label="Ý kiến (không bắt buộc)" name="note" error={errorsFor('confirm').note} />
                <div>
                  <button type="submit" disabled={busy}>
                    Xác nhận hoàn thành
                  </button>
                </div>
              </Form>
              <Form method="post" className="stack" style={{ marginTop: '1rem' }}>
                <CsrfInput />
                <input type="hidden" name="intent" value="return" />
                <Field label="Lý do trả lại" name="reason" multiline error={errorsFor('return').reason} />
                <div>
                  <button type="submit" disabled={busy} className="secondary">
                    Trả lại
                  </button>
                </div>
              </Form>
            </div>
          ) : null}
          {d.access.canDecide && pendingExtension ? (
            <div className="card">
              <h2>Quyết định gia hạn</h2>
              <p className="small">
                Đề nghị gia hạn đến {formatVnDate(pendingExtension.proposedDueOn)}: {pendingExtension.reason}
              </p>
              <FormError message={formErrorFor('approve_extension') ?? formErrorFor('refuse_extension')} />
              <Form method="post" className="stack">
                <CsrfInput />
                <Field label="Ý kiến (bắt buộc khi từ chối)" name="note" error={errorsFor('refuse_extension').note} />
                <div className="row">
                  <button type="submit" name="intent" value="approve_extension" disabled={busy}>
                    Duyệt gia hạn
                  </button>
                  <button type="submit" name="intent" value="refuse_extension" disabled={busy} className="secondary">
                    Từ chối
                  </button>
                </div>
              </Form>
            </div>
          ) : null}
          {d.access.canEdit && d.task.status !== 'cancelled' ? (
            <details className="card">
              <summary>Sửa hoặc hủy nhiệm vụ</summary>
              <FormError message={formErrorFor('edit')} />
              <Form method="post" className="stack">
                <CsrfInput />
                <input type="hidden" name="intent" value="edit" />
                <Field label="Nội dung" name="content" multiline defaultValue={d.task.content} error={errorsFor('edit').content} />
                {d.task.dueOn ? <Field label="Thời hạn" name="dueOn" defaultValue={formatVnDate(d.task.dueOn)} error={errorsFor('edit').dueOn} /> : null}
                <label>
                  <input type="checkbox" name="isKey" defaultChecked={d.task.isKey} /> Nhiệm vụ trọng tâm
                </label>
                <div>
                  <button type="submit" disabled={busy}>
                    Lưu
                  </button>
                </div>
              </Form>
              {d.task.status !== 'completed' ? (
                <Form method="post" className="stack" style={{ marginTop: '1rem' }}>
                  <CsrfInput />
                  <input type="hidden" name="intent" value="cancel" />
                  <FormError message={formErrorFor('cancel')} />
                  <Field label="Lý do hủy" name="reason" error={errorsFor('cancel').reason} />
                  <div>
                    <button type="submit" className="danger" disabled={busy}>
                      Hủy nhiệm vụ
                    </button>
                  </div>
                </Form>
              ) : null}
            </details>
          ) : null}
        </div>
      </div>
    </>
  )
}

