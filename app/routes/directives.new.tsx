// Registering a directive; its tasks are added on the directive's page.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { DirectiveForm } from '../components/directive-form'
import { FormError } from '../components/ui'
import { agencyPickerOptions } from '../lib/agency-options.server'
import { DirectiveFormSchema } from '../lib/forms'
import { failure, getDb, parseWith, readForm, requireUser } from '../lib/http.server'
import { createDirective } from '../services/register.server'

export const meta: MetaFunction = () => [{ title: 'Nhập văn bản chỉ đạo — Đôn đốc' }]

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, 'directive.edit')
  return json({ agencyOptions: agencyPickerOptions(getDb()) })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, 'directive.edit')
  const form = await readForm(request, user)
  const values = Object.fromEntries([...form.entries()].filter(([k, v]) => k !== 'csrf' && typeof v === 'string')) as Record<string, string>
  try {
    const input = parseWith(DirectiveFormSchema, form)
    const id = createDirective(getDb(), user, { ...input, monitoringAgencyCode: input.monitoringAgency })
    return redirect(`/directives/${id}?created=1`)
  } catch (error) {
    const response = failure(error, { user, request })
    const body = await response.json()
    return json({ ...body, values }, { status: response.status })
  }
}

export default function NewDirective() {
  const { agencyOptions } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <>
      <h1>Nhập văn bản chỉ đạo</h1>
      <p className="muted">
        Có toàn văn? <Link to="/directives/intake">Nhập từ văn bản</Link>: dán hoặc tải tệp lên, Đôn đốc đề xuất các nhiệm vụ để bạn xem lại.
      </p>
      {result?.duplicateOf ? (
        <div className="form-error" role="alert">
          Văn bản này đã có trong hệ thống: <Link to={`/directives/${result.duplicateOf}`}>xem văn bản đã nhập</Link>.
        </div>
      ) : (
        <FormError message={result?.formError} />
      )}
      <DirectiveForm values={result?.values} errors={result?.fieldErrors ?? {}} submitLabel="Lưu văn bản" agencyOptions={agencyOptions} />
    </>
  )
}
