// Editing a directive's details; every change is recorded with before and after.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { DirectiveForm } from '../components/directive-form'
import { FormError } from '../components/ui'
import { formatVnDate } from '../domain/dates'
import { agencyPickerOptions } from '../lib/agency-options.server'
import { DirectiveFormSchema } from '../lib/forms'
import { failure, getDb, notFound, parseId, parseWith, readForm, requireUser } from '../lib/http.server'
import { getAgency } from '../models/agency.server'
import { getDirective } from '../models/directive.server'
import { updateDirective } from '../services/register.server'

export const meta: MetaFunction = () => [{ title: 'Sửa văn bản — Đôn đốc' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, 'directive.edit')
  const id = parseId(params.id)
  const db = getDb()
  const d = getDirective(db, id)
  if (!d) throw notFound('Không tìm thấy văn bản.')
  return json({
    id,
    values: {
      type: d.type,
      number: d.number,
      title: d.title,
      issuer: d.issuer,
      signer: d.signer,
      issuedOn: formatVnDate(d.issuedOn),
      fullText: d.fullText,
      monitoringAgency: d.monitoringAgencyId ? getAgency(db, d.monitoringAgencyId)?.code ?? '' : '',
    },
    agencyOptions: agencyPickerOptions(db),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, 'directive.edit')
  const id = parseId(params.id)
  const form = await readForm(request, user)
  const values = Object.fromEntries([...form.entries()].filter(([k, v]) => k !== 'csrf' && typeof v === 'string')) as Record<string, string>
  try {
    const input = parseWith(DirectiveFormSchema, form)
    updateDirective(getDb(), user, id, { ...input, monitoringAgencyCode: input.monitoringAgency })
    return redirect(`/directives/${id}`)
  } catch (error) {
    const response = failure(error, { user, request })
    const body = await response.json()
    return json({ ...body, values }, { status: response.status })
  }
}

export default function EditDirective() {
  const d = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <>
      <p className="small">
        <Link to={`/directives/${d.id}`}>← Quay lại văn bản</Link>
      </p>
      <h1>Sửa thông tin văn bản</h1>
      {result?.duplicateOf ? (
        <div className="form-error" role="alert">
          Số, ký hiệu này trùng với <Link to={`/directives/${result.duplicateOf}`}>một văn bản đã có</Link>.
        </div>
      ) : (
        <FormError message={result?.formError} />
      )}
      <DirectiveForm values={result?.values ?? d.values} errors={result?.fieldErrors ?? {}} submitLabel="Lưu thay đổi" agencyOptions={d.agencyOptions} />
    </>
  )
}
