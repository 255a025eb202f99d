// Small building blocks shared by the pages: the CSRF field, form fields with their errors, badges, pagination.
import { Link, useSearchParams } from '@remix-run/react'
import { CATEGORY_LABELS, type TaskCategory } from '../domain/categories'
import { useRootData } from '../root'

export function CsrfInput() {
  const data = useRootData()
  return <input type="hidden" name="csrf" value={data?.user?.csrf ?? ''} />
}

export function Field(props: {
  label: string
  name: string
  error?: string
  hint?: string
  children?: React.ReactNode
  defaultValue?: string | number | null
  type?: string
  placeholder?: string
  required?: boolean
  multiline?: boolean
  list?: string
  autoComplete?: string
}) {
  const id = `f-${props.name}`
  const invalid = props.error ? true : undefined
  return (
    <div className="field">
      <label htmlFor={id}>
        {props.label}
        {props.required ? ' *' : ''}
      </label>
      {props.children ??
        (props.multiline ? (
          <textarea id={id} name={props.name} defaultValue={props.defaultValue ?? ''} aria-invalid={invalid} placeholder={props.placeholder} />
        ) : (
          <input
            id={id}
            name={props.name}
            type={props.type ?? 'text'}
            defaultValue={props.defaultValue ?? ''}
            aria-invalid={invalid}
            placeholder={props.placeholder}
            list={props.list}
            autoComplete={props.autoComplete}
          />
        ))}
      {props.hint ? <span className="hint">{props.hint}</span> : null}
      {props.error ? (
        <span className="error" role="alert">
          {props.error}
        </span>
      ) : null}
    </div>
  )
}

export function CategoryBadge({ category }: { category: TaskCategory }) {
  return <span className={`badge cat-${category}`}>{CATEGORY_LABELS[category]}</span>
}

export function FormError({ message }: { message?: string | null }) {
  return message ? (
    <div className="form-error" role="alert">
      {message}
    </div>
  ) : null
}

export function Pager({ page, pageCount, total, unit, hasMore, uncountedLabel }: { page: number; pageCount: number | null; total: number | null; unit: string; hasMore?: boolean; uncountedLabel?: string }) {
  const [params] = useSearchParams()
  const hrefFor = (p: number) => {
    const next = new URLSearchParams(params)
    next.set('page', String(p))
    return `?${next.toString()}`
  }
  const more = hasMore ?? (pageCount != null && page < pageCount)
  return (
    <div className="pager">
      <span className="muted">
        {total == null ? `${uncountedLabel ?? `Nhiều ${unit}`} · trang ${page}` : `${total.toLocaleString('vi-VN')} ${unit} · trang ${page}/${pageCount}`}
      </span>
      {page > 1 ? <Link to={hrefFor(page - 1)}>← Trang trước</Link> : null}
      {more ? <Link to={hrefFor(page + 1)}>Trang sau →</Link> : null}
    </div>
  )
}

export function ProgressBar({ percent }: { percent: number }) {
  return (
    <span className="progress" title={`${percent}%`}>
      <span style={{ width: `${Math.max(0, Math.min(100, percent))}%` }} />
    </span>
  )
}
