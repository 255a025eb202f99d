// A text field for an agency: type a code, a name or an abbreviation (diacritics optional); suggestions load on focus.
import { useId, useRef, useState } from 'react'

export function AgencyInput({ name, defaultValue, groups = false, id }: { name: string; defaultValue?: string; groups?: boolean; id?: string }) {
  const listId = useId()
  const [options, setOptions] = useState<Array<{ value: string; label: string }> | null>(null)
  const loading = useRef(false)
  const load = () => {
    if (options || loading.current) return
    loading.current = true
    fetch(`/api/agencies${groups ? '?groups=1' : ''}`, { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.json() : []))
      .then(setOptions)
      .catch(() => setOptions([]))
  }
  return (
    <>
      <input id={id ?? `f-${name}`} name={name} defaultValue={defaultValue} list={listId} onFocus={load} autoComplete="off" placeholder="Mã hoặc tên cơ quan" />
      <datalist id={listId}>
        {(options ?? []).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </datalist>
    </>
  )
}
