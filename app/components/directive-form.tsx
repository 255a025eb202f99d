// The directive form, shared by "register a directive" and "edit a directive".
import { Form } from '@remix-run/react'
import { DIRECTIVE_TYPES } from '../../db/reference/types'
import { DIRECTIVE_TYPE_LABELS } from '../lib/forms'
import { CsrfInput, Field } from './ui'

export interface DirectiveFormValues {
  type: string
  number: string
  title: string
  issuer: string
  signer: string
  issuedOn: string
  fullText: string
  monitoringAgency: string
}

export function AgencyDatalist({ id, options }: { id: string; options: Array<{ value: string; label: string }> }) {
  return (
    <datalist id={id}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </datalist>
  )
}

export function DirectiveForm({
  values,
  errors,
  submitLabel,
  agencyOptions,
}: {
  values?: Partial<DirectiveFormValues>
  errors: Record<string, string>
  submitLabel: string
  agencyOptions: Array<{ value: string; label: string }>
}) {
  return (
    <Form method="post" className="stack card">
      <CsrfInput />
      <div className="row">
        <Field label="Loại văn bản" name="type" error={errors.type} required>
          <select id="f-type" name="type" defaultValue={values?.type ?? 'thong_bao_ket_luan'} aria-invalid={errors.type ? true : undefined}>
            {DIRECTIVE_TYPES.map((t) => (
              <option key={t} value={t}>
                {DIRECTIVE_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Số, ký hiệu" name="number" defaultValue={values?.number} error={errors.number} placeholder="44/TB-VPCP" required />
        <Field label="Ngày ban hành" name="issuedOn" defaultValue={values?.issuedOn} error={errors.issuedOn} placeholder="dd/mm/yyyy" required />
      </div>
      <Field label="Trích yếu" name="title" defaultValue={values?.title} error={errors.title} multiline required />
      <div className="row">
        <Field label="Cơ quan ban hành" name="issuer" defaultValue={values?.issuer} error={errors.issuer} placeholder="Văn phòng Chính phủ" required />
        <Field label="Người ký" name="signer" defaultValue={values?.signer} error={errors.signer} />
        <Field label="Cơ quan theo dõi, đôn đốc" name="monitoringAgency" defaultValue={values?.monitoringAgency} error={errors.monitoringAgencyCode ?? errors.monitoringAgency} list="agency-list" placeholder="VPCP" />
      </div>
      <Field label="Toàn văn" name="fullText" defaultValue={values?.fullText} error={errors.fullText} multiline />
      <AgencyDatalist id="agency-list" options={agencyOptions} />
      <div>
        <button type="submit">{submitLabel}</button>
      </div>
    </Form>
  )
}
