// "Lịch nhiệm vụ": the user's secret calendar link (iCal) for their agency's deadlines — create, replace, revoke.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { AgencyInput } from '../components/agency-input'
import { CsrfInput, FormError } from '../components/ui'
import { formatVnDateTime } from '../domain/dates'
import { can } from '../domain/permissions'
import { failure, getDb, readForm, requireUser, type ActionFailure } from '../lib/http.server'
import { resolveAgencyName } from '../models/agency.server'
import { FEED_DONE_DAYS } from '../models/calendar.server'
import { activeFeedLink, createFeedLink, revokeFeedLink } from '../services/calendar-feed.server'

export const meta: MetaFunction = () => [{ title: 'Lịch nhiệm vụ — Đôn đốc' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const link = activeFeedLink(getDb(), user.id)
  return json({
    link: link ? { createdAt: formatVnDateTime(link.createdAt), lastUsedAt: link.lastUsedAt ? formatVnDateTime(link.lastUsedAt) : null, agencyName: link.agencyName } : null,
    canChooseAgency: can(user.role, 'task.viewAll'),
    ownAgency: user.agencyName,
    doneDays: FEED_DONE_DAYS,
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const form = await readForm(request, user)
  const intent = String(form.get('intent') ?? '')
  const db = getDb()
  try {
    if (intent === 'create') {
      let agencyId: number | null = null
      const typed = String(form.get('agency') ?? '').trim().slice(0, 200)
      if (typed && can(user.role, 'task.viewAll')) {
        const resolved = resolveAgencyName(db, typed)
        if (resolved?.type !== 'agency') {
          return json<ActionFailure>({ ok: false, fieldErrors: { agency: `Không tìm thấy cơ quan "${typed}".` }, intent }, { status: 400 })
        }
        agencyId = resolved.agency.id
      }
      const token = createFeedLink(db, user, agencyId)
      const base = (process.env.APP_URL ?? new URL(request.url).origin).replace(/\/$/, '')
      return json({ ok: true as const, intent, url: `${base}/calendar/${token}.ics` })
    }
    if (intent === 'revoke') {
      const had = revokeFeedLink(db, user)
      return json({ ok: true as const, intent, url: null, revoked: had })
    }
    return json<ActionFailure>({ ok: false, fieldErrors: {}, formError: 'Thao tác không hợp lệ.', intent }, { status: 400 })
  } catch (error) {
    return failure(error, { user, request, intent })
  }
}

export default function CalendarPage() {
  const d = useLoaderData<typeof loader>()
  const r = useActionData<typeof action>()
  const created = r && r.ok && r.intent === 'create' && 'url' in r ? r.url : null
  const fieldErrors = r && !r.ok ? r.fieldErrors : {}
  return (
    <>
      <h1>Lịch nhiệm vụ</h1>
      <p>
        Đưa thời hạn nhiệm vụ vào lịch của bạn (Outlook, Google Calendar, Lịch trên điện thoại…) bằng một <strong>liên kết riêng</strong>: mỗi nhiệm vụ có thời hạn là một sự kiện cả
        ngày vào ngày đến hạn. Lịch gồm các nhiệm vụ {d.canChooseAgency ? 'của cơ quan bạn chọn' : `của ${d.ownAgency ?? 'cơ quan bạn'}`} (chủ trì hoặc phối hợp) đang thực hiện, chờ
        xác nhận, và các nhiệm vụ đã hoàn thành trong {d.doneDays} ngày gần đây; chương trình lịch tự cập nhật khoảng mỗi giờ.
      </p>
      <FormError message={r && !r.ok ? (r.formError ?? Object.values(r.fieldErrors)[0]) : undefined} />
      {created ? (
        <div className="card calendar-new" data-testid="calendar-url">
          <p>
            <strong>Liên kết lịch mới của bạn</strong> — sao chép ngay: vì an toàn, liên kết chỉ hiện <strong>một lần</strong> này (như mật khẩu). Ai có liên kết đều xem được lịch.
          </p>
          <input type="text" readOnly value={created} onFocus={(e) => e.currentTarget.select()} aria-label="Liên kết lịch" />
          <p className="small muted">Trong chương trình lịch, chọn "Thêm lịch từ Internet / Đăng ký theo URL" và dán liên kết này.</p>
        </div>
      ) : null}
      {r && r.ok && r.intent === 'revoke' ? <p className="notice">{'revoked' in r && r.revoked ? 'Đã thu hồi liên kết lịch: liên kết cũ không còn dùng được.' : 'Bạn chưa có liên kết lịch nào đang dùng.'}</p> : null}
      <div className="card">
        {d.link ? (
          <p data-testid="calendar-status">
            Đang có một liên kết lịch ({d.link.agencyName}), tạo lúc {d.link.createdAt}
            {d.link.lastUsedAt ? `, được đọc lần cuối lúc ${d.link.lastUsedAt}` : ', chưa được đọc lần nào'}.
          </p>
        ) : (
          <p data-testid="calendar-status">Bạn chưa có liên kết lịch nào đang dùng.</p>
        )}
        <Form method="post" className="stack">
          <CsrfInput />
          <input type="hidden" name="intent" value="create" />
          {d.canChooseAgency ? (
            <div className="field">
              <label htmlFor="f-agency">Cơ quan có nhiệm vụ đưa vào lịch</label>
              <AgencyInput name="agency" defaultValue={d.ownAgency ?? ''} />
              {fieldErrors.agency ? <span className="error">{fieldErrors.agency}</span> : <span className="hint">Mã hoặc tên cơ quan, ví dụ BNV hoặc Bộ Nội vụ.</span>}
            </div>
          ) : null}
          <div>
            <button type="submit">Tạo liên kết mới</button>{' '}
            {d.link ? <span className="small muted">Liên kết đang dùng sẽ bị thu hồi.</span> : null}
          </div>
        </Form>
        {d.link ? (
          <Form method="post" style={{ marginTop: '0.8rem' }}>
            <CsrfInput />
            <input type="hidden" name="intent" value="revoke" />
            <button type="submit" className="danger">
              Thu hồi
            </button>
          </Form>
        ) : null}
      </div>
    </>
  )
}
