// Resource route: agency (and group) names for pickers, fetched by the browser once and cached.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { agencyPickerOptions } from '../lib/agency-options.server'
import { getDb, requireUser } from '../lib/http.server'

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request)
  const groups = new URL(request.url).searchParams.get('groups') === '1'
  return json(agencyPickerOptions(getDb(), { groups }), { headers: { 'Cache-Control': 'private, max-age=300' } })
}
