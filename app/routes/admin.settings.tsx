// Admin: reminder days, escalation and extension limits, and the holiday calendar that working days are counted on.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { asc, like } from 'drizzle-orm'
import { z } from 'zod'
import { holidays } from '../../db/schema'
import { CsrfInput, Field, FormError } from '../components/ui'
import { formatVnDate, todayInVietnam } from '../domain/dates'
import { vnDate } from '../lib/forms'
import { failure, getDb, parseWith, readForm, requireUser, type ActionFailure } from '../lib/http.server'
import { addHoliday, HOLIDAY_KIND_LABELS, readSettings, removeHoliday, saveSettings } from '../services/settings.server'

export const meta: MetaFunction = () => [{ title: 'Cài đặt — Đôn đốc' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'admin.manage')
  const db = getDb()
  const yearParam = Number(new URL(request.url).searchParams.get('year'))
  const year = Number.isInteger(yearParam) && yearParam >= 2000 && yearParam <= 2100 ? yearParam : Number(todayInVietnam().slice(0, 4))
  const days = db.select().from(holidays).where(like(holidays.date, `${year}-%`)).orderBy(asc(holidays.date)).all()
  return json({ settings: readSettings(db), year, days, kinds: HOLIDAY_KIND_LABELS })
}

const numberList = z
  .string()
  .trim()
  .regex(/^\d{1,2}(\s*,\s*\d{1,2})*$/, 'Nhập các số ngày, ngăn cách bằng dấu phẩy, ví dụ 7, 3, 1, 0.')
  .transform((v) => v.split(',').map((x) => Number(x.trim())))
const SettingsSchema = z.object({
  reminderOffsets: numberList,
  escalationWorkingDays: z.coerce.number({ invalid_type_error: 'Nhập một số.' }).int('Nhập số nguyên.'),
  maxExtensions: z.coerce.number({ invalid_type_error: 'Nhập một số.' }).int('Nhập số nguyên.'),
  issuingOffice: z.string().max(400, 'Nhập tối đa 2 dòng, tổng cộng không quá 300 ký tự.').default('').transform((v) => v.replace(/\r\n?/g, '\n')),
})
const HolidaySchema = z.object({
  date: vnDate('ngày'),
  name: z.string().trim().min(2, 'Nhập tên ngày nghỉ.').max(200),
  kind: z.enum(['holiday', 'compensatory', 'makeup_workday'], { errorMap: () => ({ message: 'Chọn loại ngày.' }) }),
})

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, 'admin.manage')
  const form = await readForm(request, user)
  const intent = String(form.get('intent') ?? '')
  const db = getDb()
  try {
    if (intent === 'settings') saveSettings(db, user.id, parseWith(SettingsSchema, form))
    else if (intent === 'add_holiday') addHoliday(db, user.id, parseWith(HolidaySchema, form))
    else if (intent === 'remove_holiday') {
      if (!removeHoliday(db, user.id, String(form.get('date') ?? ''))) return json<ActionFailure>({ ok: false, fieldErrors: {}, formError: 'Không tìm thấy ngày này trong lịch.', intent }, { status: 404 })
    } else return json<ActionFailure>({ ok: false, fieldErrors: {}, formError: 'Thao tác không hợp lệ.', intent }, { status: 400 })
    return json({ ok: true as const, intent, fieldErrors: {} as Record<string, string>, formError: undefined })
  } catch (error) {
    return failure(error, { user, request, intent })
  }
}

export default function AdminSettings() {
  const d = useLoaderData<typeof loader>()
  const r = useActionData<typeof action>()
  const errors = (intent: string) => (r && !r.ok && r.intent === intent ? r.fieldErrors : {})
  return (
    <>
      <h1>Cài đặt</h1>
      {r?.ok ? <p className="notice">Đã lưu.</p> : null}
      <Form method="post" className="stack card">
        <CsrfInput />
        <input type="hidden" name="intent" value="settings" />
        <FormError message={r && !r.ok && r.intent === 'settings' ? r.formError : undefined} />
        <Field label="Nhắc việc trước hạn (ngày làm việc)" name="reminderOffsets" defaultValue={d.settings.reminderOffsets.join(', ')} error={errors('settings').reminderOffsets} hint="0 là ngày đến hạn." />
        <div className="row">
          <Field label="Báo cáo lãnh đạo khi quá hạn hơn (ngày làm việc)" name="escalationWorkingDays" type="number" defaultValue={d.settings.escalationWorkingDays} error={errors('settings').escalationWorkingDays} />
          <Field label="Số lần gia hạn tối đa cho một nhiệm vụ" name="maxExtensions" type="number" defaultValue={d.settings.maxExtensions} error={errors('settings').maxExtensions} />
        </div>
        <Field label="Tên cơ quan ban hành (đầu trang bản in)" name="issuingOffice" error={errors('settings').issuingOffice} hint="Một hoặc hai dòng, ví dụ: ỦY BAN NHÂN DÂN TỈNH NGHỆ AN / VĂN PHÒNG. In ở góc trên bên trái danh sách quá hạn.">
          <textarea id="f-issuingOffice" name="issuingOffice" rows={2} defaultValue={d.settings.issuingOffice} style={{ minHeight: '3.4rem' }} />
        </Field>
        <div>
          <button type="submit">Lưu cài đặt</button>
        </div>
      </Form>
      <h2>
        Lịch ngày nghỉ năm {d.year}{' '}
        <span className="small">
          <Link to={`?year=${d.year - 1}`}>← {d.year - 1}</Link> · <Link to={`?year=${d.year + 1}`}>{d.year + 1} →</Link>
        </span>
      </h2>
      <table>
        <tbody>
          {d.days.map((h) => (
            <tr key={h.date}>
              <td className="nowrap">{formatVnDate(h.date)}</td>
              <td>{h.name}</td>
              <td className="small">{d.kinds[h.kind]}</td>
              <td>
                <Form method="post">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="remove_holiday" />
                  <input type="hidden" name="date" value={h.date} />
                  <button type="submit" className="secondary">
                    Xóa
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Form method="post" className="stack card" style={{ marginTop: '1rem' }}>
        <CsrfInput />
        <input type="hidden" name="intent" value="add_holiday" />
        <FormError message={r && !r.ok && r.intent === 'add_holiday' ? r.formError : undefined} />
        <div className="row">
          <Field label="Ngày" name="date" placeholder="dd/mm/yyyy" error={errors('add_holiday').date} />
          <Field label="Tên" name="name" error={errors('add_holiday').name} />
          <Field label="Loại" name="kind" error={errors('add_holiday').kind}>
            <select id="f-kind" name="kind" defaultValue="holiday">
              {Object.entries(d.kinds).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div>
          <button type="submit">Thêm ngày</button>
        </div>
      </Form>
    </>
  )
}
