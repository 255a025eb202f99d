// Admin: create or edit one agency ("new" creates); deactivating with a successor hands its tasks over.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { AGENCY_KINDS } from '../../db/reference/types'
import { CsrfInput, Field, FormError } from '../components/ui'
import { formatVnDate, parseVnDate } from '../domain/dates'
import { AGENCY_KIND_LABELS } from '../lib/agency-labels'
import { ValidationError } from '../lib/errors'
import { failure, getDb, notFound, parseId, parseWith, readForm, requireUser } from '../lib/http.server'
import { aliasesOf, getAgency } from '../models/agency.server'
import { AgencyFormSchema, createAgency, updateAgency } from '../services/agencies.server'

export const meta: MetaFunction = () => [{ title: 'Cơ quan — Đôn đốc' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, 'admin.manage')
  const db = getDb()
  if (params.id === 'new') return json({ isNew: true, values: { code: '', name: '', shortName: '', kind: 'provincial_department', parentCode: '', successorCode: '', validTo: '', aliases: '', emails: '', active: true } })
  const a = getAgency(db, parseId(params.id))
  if (!a) throw notFound('Không tìm thấy cơ quan.')
  const code = (id: number | null) => (id ? getAgency(db, id)?.code ?? '' : '')
  return json({
    isNew: false,
    values: {
      code: a.code,
      name: a.name,
      shortName: a.shortName,
      kind: a.kind,
      parentCode: code(a.parentId),
      successorCode: code(a.successorId),
      validTo: formatVnDate(a.validTo),
      aliases: aliasesOf(db, a.id)
        .filter((x) => x !== a.name && x !== a.shortName)
        .join('\n'),
      emails: a.emails.join('\n'),
      active: a.active,
    },
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, 'admin.manage')
  const form = await readForm(request, user)
  const db = getDb()
  try {
    const input = parseWith(AgencyFormSchema, form)
    let validToIso: string | null = null
    if (input.validTo) {
      validToIso = parseVnDate(input.validTo)
      if (!validToIso) throw new ValidationError({ validTo: 'Ngày không hợp lệ: nhập theo dạng dd/mm/yyyy.' })
    }
    if (params.id === 'new') {
      const id = createAgency(db, user.id, { ...input, validToIso })
      return redirect(`/admin/agencies/${id}?saved=1`)
    }
    const { transferred } = updateAgency(db, user.id, parseId(params.id), { ...input, validToIso })
    return json({ ok: true as const, message: transferred ? `Đã lưu. ${transferred} nhiệm vụ được chuyển cho cơ quan kế thừa.` : 'Đã lưu.', fieldErrors: {} as Record<string, string>, formError: undefined })
  } catch (error) {
    return failure(error, { user, request })
  }
}

export default function AgencyPage() {
  const d = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const e = result && !result.ok ? result.fieldErrors : {}
  const v = d.values
  return (
    <>
      <p className="small">
        <Link to="/admin/agencies">← Cơ quan, đơn vị</Link>
      </p>
      <h1>{d.isNew ? 'Thêm cơ quan' : v.shortName}</h1>
      {result?.ok ? <p className="notice">{result.message}</p> : null}
      <FormError message={result && !result.ok ? result.formError : undefined} />
      <Form method="post" className="stack card">
        <CsrfInput />
        <div className="row">
          <Field label="Mã" name="code" defaultValue={v.code} error={e.code} required />
          <Field label="Loại" name="kind" error={e.kind}>
            <select id="f-kind" name="kind" defaultValue={v.kind}>
              {AGENCY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {AGENCY_KIND_LABELS[k]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Mã cơ quan cấp trên" name="parentCode" defaultValue={v.parentCode} error={e.parentCode} />
        </div>
        <Field label="Tên đầy đủ" name="name" defaultValue={v.name} error={e.name} required />
        <Field label="Tên ngắn (hiển thị trong danh sách)" name="shortName" defaultValue={v.shortName} error={e.shortName} required />
        <Field label="Tên gọi khác, viết tắt dùng để nhận diện (mỗi dòng một tên)" name="aliases" defaultValue={v.aliases} error={e.aliases} multiline />
        <Field label="E-mail liên hệ (mỗi dòng một địa chỉ)" name="emails" defaultValue={v.emails} error={e.emails} multiline />
        <div className="row">
          <Field label="Hết hiệu lực từ ngày" name="validTo" defaultValue={v.validTo} error={e.validTo} placeholder="dd/mm/yyyy" />
          <Field label="Mã cơ quan kế thừa" name="successorCode" defaultValue={v.successorCode} error={e.successorCode} hint="Khi ngừng hoạt động, nhiệm vụ chuyển cho cơ quan này." />
        </div>
        <label>
          <input type="checkbox" name="active" defaultChecked={v.active} /> Đang hoạt động
        </label>
        <div>
          <button type="submit">Lưu</button>
        </div>
      </Form>
    </>
  )
}
