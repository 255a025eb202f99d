// One directive: its details, its items with their task figures, adding items, and closing its life (cancel, replace).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { RECURRENCES } from '../../db/reference/types'
import { AgencyDatalist } from '../components/directive-form'
import { CsrfInput, Field, FormError } from '../components/ui'
import { computeRates, formatNumber, formatRate, sumCounts } from '../domain/categories'
import { formatVnDate, quarterRoman, todayInVietnam } from '../domain/dates'
import { can } from '../domain/permissions'
import { agencyPickerOptions } from '../lib/agency-options.server'
import { DEADLINE_KIND_LABELS, DIRECTIVE_STATUS_LABELS, DIRECTIVE_TYPE_LABELS, ItemFormSchema, RECURRENCE_LABELS } from '../lib/forms'
import { failure, forbidden, getDb, notFound, parseId, parseWith, readForm, requireUser, type ActionFailure } from '../lib/http.server'
import { securityLog } from '../lib/security-log.server'
import { agencyName, canViewDirective, directiveItemsWithCounts, getDirective } from '../models/directive.server'
import { resolveAgencyName } from '../models/agency.server'
import { addItem, setDirectiveStatus } from '../services/register.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.directive.number ?? 'Văn bản'} — Đôn đốc` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, 'directive.view')
  const id = parseId(params.id)
  const db = getDb()
  const directive = getDirective(db, id)
  if (!directive) throw notFound('Không tìm thấy văn bản.')
  if (!canViewDirective(db, user, id)) {
    securityLog('forbidden', { userId: user.id, role: user.role, path: `/directives/${id}`, reason: 'directive without own tasks' })
    throw forbidden('Văn bản này không có nhiệm vụ nào của cơ quan bạn.')
  }
  const today = todayInVietnam()
  const items = directiveItemsWithCounts(db, user, id, today)
  const totals = sumCounts(...items.map((i) => i.counts))
  const canEdit = can(user.role, 'directive.edit')
  const nameOf = (code: string) => {
    const r = resolveAgencyName(db, code)
    return r ? (r.type === 'agency' ? r.agency.shortName : r.group.name) : code
  }
  const replacedBy = directive.replacedById ? getDirective(db, directive.replacedById) : null
  return json({
    today,
    directive: {
      id: directive.id,
      type: DIRECTIVE_TYPE_LABELS[directive.type],
      number: directive.number,
      title: directive.title,
      issuer: directive.issuer,
      signer: directive.signer,
      issuedOn: directive.issuedOn,
      status: directive.status,
      statusReason: directive.statusReason,
      fullText: directive.fullText,
      monitoring: agencyName(db, directive.monitoringAgencyId),
      replacedBy: replacedBy ? { id: replacedBy.id, number: replacedBy.number } : null,
    },
    items: items.map(({ item, counts }) => ({
      id: item.id,
      ref: item.ref,
      content: item.content,
      leads: item.leadCodes.map(nameOf),
      supports: item.supportCodes.map(nameOf),
      deadlineKind: item.deadlineKind,
      dueOn: item.dueOn,
      recurrence: item.recurrence,
      recurringFrom: item.recurringFrom,
      recurringUntil: item.recurringUntil,
      output: item.output,
      target: item.target,
      isKey: item.isKey,
      counts,
    })),
    totals,
    rates: computeRates(totals),
    canEdit,
    agencyOptions: canEdit ? agencyPickerOptions(db, { groups: true }) : [],
  })
}

const StatusSchema = z.object({
  status: z.enum(['cancelled', 'replaced'], { errorMap: () => ({ message: 'Chọn hủy hoặc thay thế.' }) }),
  reason: z.string().trim().min(5, 'Nêu lý do (ít nhất 5 ký tự).').max(2000, 'Lý do không được dài quá 2.000 ký tự.'),
  replacedByNumber: z.string().trim().max(60).optional(),
})

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, 'directive.edit')
  const id = parseId(params.id)
  const form = await readForm(request, user)
  const intent = String(form.get('intent') ?? '')
  const db = getDb()
  try {
    if (intent === 'add_item') {
      const input = parseWith(ItemFormSchema, form)
      const { taskIds } = addItem(db, user, id, input)
      return json({ ok: true as const, intent, message: `Đã thêm nhiệm vụ: tạo ${taskIds.length} nhiệm vụ theo dõi.`, fieldErrors: {} as Record<string, string> })
    }
    if (intent === 'status') {
      const v = parseWith(StatusSchema, form)
      setDirectiveStatus(db, user, id, { status: v.status, reason: v.reason, replacedByNumber: v.replacedByNumber })
      return json({ ok: true as const, intent, message: v.status === 'cancelled' ? 'Đã hủy văn bản.' : 'Đã ghi nhận văn bản được thay thế.', fieldErrors: {} as Record<string, string> })
    }
    return json<ActionFailure>({ ok: false, fieldErrors: {}, formError: 'Thao tác không hợp lệ.' }, { status: 400 })
  } catch (error) {
    return failure(error, { user, request, intent })
  }
}

function deadlineText(i: { deadlineKind: string; dueOn: string | null; recurrence: string | null; recurringFrom: string | null; recurringUntil: string | null }) {
  if (i.deadlineKind === 'standing') return 'Thường xuyên'
  if (i.deadlineKind === 'recurring') {
    return `${RECURRENCE_LABELS[i.recurrence as keyof typeof RECURRENCE_LABELS] ?? 'Định kỳ'} (${formatVnDate(i.recurringFrom)} – ${formatVnDate(i.recurringUntil)})`
  }
  if (i.deadlineKind === 'month' && i.dueOn) return `Trong tháng ${i.dueOn.slice(5, 7)}/${i.dueOn.slice(0, 4)}`
  if (i.deadlineKind === 'quarter' && i.dueOn) return `Quý ${quarterRoman(Math.ceil(Number(i.dueOn.slice(5, 7)) / 3))}/${i.dueOn.slice(0, 4)}`
  if (i.deadlineKind === 'year' && i.dueOn) return `Năm ${i.dueOn.slice(0, 4)}`
  return formatVnDate(i.dueOn)
}

export default function DirectivePage() {
  const d = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [params] = useSearchParams()
  const itemErrors = result && !result.ok && result.intent === 'add_item' ? result.fieldErrors : {}
  const statusErrors = result && !result.ok && result.intent === 'status' ? result.fieldErrors : {}
  const closed = d.directive.status === 'cancelled' || d.directive.status === 'replaced'
  const t = d.totals
  return (
    <>
      <p className="small">
        <Link to="/directives">← Văn bản chỉ đạo</Link>
      </p>
      <h1>
        {d.directive.type} số {d.directive.number}
      </h1>
      {params.get('created') ? <p className="notice">Đã lưu văn bản. Hãy thêm các nhiệm vụ được giao bên dưới.</p> : null}
      {params.get('imported') ? <p className="notice">Đã lưu văn bản và các nhiệm vụ từ toàn văn: tạo {Number(params.get('imported')).toLocaleString('vi-VN')} nhiệm vụ theo dõi.</p> : null}
      {result?.ok ? <p className="notice">{result.message}</p> : null}
      <div className="card">
        <p style={{ marginTop: 0 }}>
          <strong>{d.directive.title}</strong>
        </p>
        <dl className="facts">
          <dt>Cơ quan ban hành</dt>
          <dd>{d.directive.issuer}</dd>
          <dt>Ngày ban hành</dt>
          <dd>{formatVnDate(d.directive.issuedOn)}</dd>
          <dt>Người ký</dt>
          <dd>{d.directive.signer || '—'}</dd>
          <dt>Cơ quan theo dõi</dt>
          <dd>{d.directive.monitoring ?? '—'}</dd>
          <dt>Trạng thái</dt>
          <dd>
            {DIRECTIVE_STATUS_LABELS[d.directive.status]}
            {d.directive.statusReason ? <span className="muted"> — {d.directive.statusReason}</span> : null}
            {d.directive.replacedBy ? (
              <>
                {' '}
                bởi <Link to={`/directives/${d.directive.replacedBy.id}`}>{d.directive.replacedBy.number}</Link>
              </>
            ) : null}
          </dd>
        </dl>
        {d.canEdit && !closed ? (
          <p>
            <Link to={`/directives/${d.directive.id}/edit`}>Sửa thông tin văn bản</Link>
          </p>
        ) : null}
      </div>
      <div className="cards">
        <Link className="stat" to={`/tasks?directive=${d.directive.id}`}>
          <span className="n">{formatNumber(t.assigned)}</span>
          <span className="l">Nhiệm vụ theo dõi</span>
        </Link>
        <Link className="stat ok" to={`/tasks?directive=${d.directive.id}&category=done_on_time`}>
          <span className="n">{formatNumber(t.doneOnTime)}</span>
          <span className="l">Hoàn thành đúng hạn</span>
        </Link>
        <Link className="stat" to={`/tasks?directive=${d.directive.id}&category=done_late`}>
          <span className="n">{formatNumber(t.doneLate)}</span>
          <span className="l">Hoàn thành quá hạn</span>
        </Link>
        <Link className="stat" to={`/tasks?directive=${d.directive.id}&category=in_progress`}>
          <span className="n">{formatNumber(t.inProgress)}</span>
          <span className="l">Đang thực hiện trong hạn</span>
        </Link>
        <Link className="stat bad" to={`/tasks?directive=${d.directive.id}&category=overdue`}>
          <span className="n">{formatNumber(t.overdue)}</span>
          <span className="l">Quá hạn</span>
        </Link>
        <div className="stat">
          <span className="n">{formatRate(d.rates.onTimeRate)}</span>
          <span className="l">Tỷ lệ đúng hạn</span>
        </div>
      </div>

      <h2>Nhiệm vụ được giao ({d.items.length} mục)</h2>
      <table>
        <thead>
          <tr>
            <th>Mục</th>
            <th>Nội dung</th>
            <th>Chủ trì / phối hợp</th>
            <th>Thời hạn</th>
            <th className="num">Theo dõi</th>
            <th className="num">Xong</th>
            <th className="num">Quá hạn</th>
          </tr>
        </thead>
        <tbody>
          {d.items.map((i) => (
            <tr key={i.id}>
              <td className="nowrap">{i.ref}</td>
              <td>
                {i.content}
                {i.output ? <div className="muted small">Sản phẩm: {i.output}</div> : <div className="delay">Chưa xác định sản phẩm</div>}
                {i.target ? <div className="muted small">Chỉ tiêu: {i.target}</div> : null}
                {i.isKey ? <span className="badge key">Trọng tâm</span> : null}
              </td>
              <td className="small">
                {i.leads.join('; ')}
                {i.supports.length ? <div className="muted">Phối hợp: {i.supports.join('; ')}</div> : null}
              </td>
              <td className="small nowrap">{deadlineText(i)}</td>
              <td className="num">
                <Link to={`/tasks?directive=${d.directive.id}&item=${i.id}`}>{formatNumber(i.counts.assigned)}</Link>
              </td>
              <td className="num">{formatNumber(i.counts.doneOnTime + i.counts.doneLate)}</td>
              <td className="num">{i.counts.overdue ? <span className="delay">{formatNumber(i.counts.overdue)}</span> : 0}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {d.canEdit && !closed ? (
        <div className="card" style={{ marginTop: '1.5rem' }}>
          <h2 style={{ marginTop: 0 }}>Thêm nhiệm vụ</h2>
          <FormError message={result && !result.ok && result.intent === 'add_item' ? result.formError : undefined} />
          <Form method="post" className="stack" key={result?.ok ? `ok-${Date.now()}` : 'form'}>
            <CsrfInput />
            <input type="hidden" name="intent" value="add_item" />
            <div className="row">
              <Field label="Mục" name="ref" placeholder="6.b.3" error={itemErrors.ref} />
              <label className="field">
                <span>
                  <input type="checkbox" name="isKey" /> Nhiệm vụ trọng tâm
                </span>
              </label>
            </div>
            <Field label="Nội dung nhiệm vụ" name="content" multiline error={itemErrors.content} required />
            <div className="row">
              <Field label="Cơ quan chủ trì" name="leads" list="agency-groups" error={itemErrors.leads} hint="Mã, tên hoặc tên viết tắt (không cần dấu). Nhiều cơ quan đồng chủ trì: ngăn cách bằng dấu ;. Chọn nhóm để giao cho từng cơ quan trong nhóm." required />
              <Field label="Cơ quan phối hợp" name="supports" list="agency-groups" error={itemErrors.supports} hint="Ngăn cách bằng dấu ;" />
            </div>
            <label>
              <input type="checkbox" name="perAgency" /> Giao riêng cho từng cơ quan chủ trì đã nêu (danh sách đích danh, không phải đồng chủ trì)
            </label>
            <div className="row">
              <Field label="Thời hạn" name="deadlineKind" error={itemErrors.deadlineKind}>
                <select id="f-deadlineKind" name="deadlineKind" defaultValue="date">
                  {Object.entries(DEADLINE_KIND_LABELS).map(([k, v]) => (
                    <option key={k} value={k}>
                      {v}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label="Ngày (nếu chọn ngày cụ thể)" name="dueDate" placeholder="dd/mm/yyyy" error={itemErrors.dueDate ?? itemErrors.dueOn} />
              <Field label="Tháng (nếu chọn trong tháng)" name="dueMonth" placeholder="mm/yyyy" error={itemErrors.dueMonth} />
              <Field label="Quý" name="dueQuarter" error={itemErrors.dueQuarter}>
                <select id="f-dueQuarter" name="dueQuarter" defaultValue="">
                  <option value="">—</option>
                  {[1, 2, 3, 4].map((q) => (
                    <option key={q} value={q}>
                      Quý {quarterRoman(q)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label="Năm (cho quý/năm)" name="dueYear" placeholder="2024" error={itemErrors.dueYear} />
            </div>
            <div className="row">
              <Field label="Chu kỳ (nếu định kỳ)" name="recurrence" error={itemErrors.recurrence}>
                <select id="f-recurrence" name="recurrence" defaultValue="">
                  <option value="">—</option>
                  {RECURRENCES.map((r) => (
                    <option key={r} value={r}>
                      {RECURRENCE_LABELS[r]}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label="Theo dõi từ ngày" name="recurringFrom" placeholder="dd/mm/yyyy" error={itemErrors.recurringFrom} />
              <Field label="đến ngày" name="recurringUntil" placeholder="dd/mm/yyyy" error={itemErrors.recurringUntil} />
            </div>
            <div className="row">
              <Field label="Sản phẩm" name="output" error={itemErrors.output} placeholder="Nghị định, báo cáo, hệ thống…" />
              <Field label="Chỉ tiêu" name="target" error={itemErrors.target} placeholder="đạt trên 90%" />
              <Field label="Cụm từ về thời hạn trong văn bản" name="deadlinePhrase" error={itemErrors.deadlinePhrase} />
            </div>
            <AgencyDatalist id="agency-groups" options={d.agencyOptions} />
            <div>
              <button type="submit">Thêm nhiệm vụ</button>
            </div>
          </Form>
        </div>
      ) : null}

      {d.canEdit && !closed ? (
        <details className="card">
          <summary>Hủy văn bản hoặc ghi nhận văn bản thay thế</summary>
          <FormError message={result && !result.ok && result.intent === 'status' ? result.formError : undefined} />
          <Form method="post" className="stack">
            <CsrfInput />
            <input type="hidden" name="intent" value="status" />
            <Field label="Thay đổi" name="status" error={statusErrors.status}>
              <select id="f-status" name="status" defaultValue="cancelled">
                <option value="cancelled">Hủy văn bản</option>
                <option value="replaced">Được thay thế bởi văn bản mới</option>
              </select>
            </Field>
            <Field label="Số, ký hiệu văn bản thay thế (nếu được thay thế)" name="replacedByNumber" error={statusErrors.replacedByNumber} />
            <Field label="Lý do" name="reason" multiline error={statusErrors.reason} required />
            <div>
              <button type="submit" className="danger">
                Ghi nhận
              </button>
            </div>
          </Form>
        </details>
      ) : null}

      {d.directive.fullText ? (
        <details className="card">
          <summary>Toàn văn</summary>
          <pre className="fulltext">{d.directive.fullText}</pre>
        </details>
      ) : null}
    </>
  )
}
