// The document shell: the header with navigation for the signed-in user's role, and the error page.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { isRouteErrorResponse, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteError, useRouteLoaderData } from '@remix-run/react'
import { can, ROLE_LABELS } from './domain/permissions'
import { optionalUser } from './lib/http.server'
import styles from './styles.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]

export const meta: MetaFunction = () => [{ title: 'Đôn đốc — theo dõi nhiệm vụ' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await optionalUser(request)
  return json({
    user: user
      ? { id: user.id, name: user.name, role: user.role, roleLabel: ROLE_LABELS[user.role], agencyName: user.agencyName, csrf: user.csrfToken, mustChangePassword: user.mustChangePassword }
      : null,
  })
}

export type RootData = ReturnType<typeof useLoaderData<typeof loader>>

export function useRootData() {
  return useRouteLoaderData<typeof loader>('root')
}

export function Layout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="vi">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  )
}

function Header() {
  const data = useRootData()
  const user = data?.user
  return (
    <header className="topbar">
      <Link to="/" className="brand">
        Đôn đốc
      </Link>
      {user && !user.mustChangePassword ? (
        <nav className="mainnav">
          <NavLink to="/directives">Văn bản chỉ đạo</NavLink>
          <NavLink to="/tasks">Nhiệm vụ</NavLink>
          <NavLink to="/overdue">Quá hạn</NavLink>
          {can(user.role, 'rates.view') ? <NavLink to="/rates">Tỷ lệ theo cơ quan</NavLink> : null}
          <NavLink to="/calendar">Lịch</NavLink>
          {can(user.role, 'admin.manage') ? (
            <>
              <NavLink to="/admin/agencies">Cơ quan</NavLink>
              <NavLink to="/admin/users">Người dùng</NavLink>
              <NavLink to="/admin/settings">Cài đặt</NavLink>
              <NavLink to="/admin/jobs">Việc định kỳ</NavLink>
              <NavLink to="/admin/outbox">Thư điện tử</NavLink>
              <NavLink to="/admin/history">Toàn vẹn lịch sử</NavLink>
            </>
          ) : null}
        </nav>
      ) : null}
      {user ? (
        <div className="who">
          <span>
            {user.name} · {user.roleLabel}
            {user.agencyName ? ` · ${user.agencyName}` : ''}
          </span>
          <form method="post" action="/logout">
            <input type="hidden" name="csrf" value={user.csrf} />
            <button type="submit" className="linklike">
              Đăng xuất
            </button>
          </form>
        </div>
      ) : null}
    </header>
  )
}

export default function App() {
  return (
    <>
      <Header />
      <main className="page">
        <Outlet />
      </main>
    </>
  )
}

export function ErrorBoundary() {
  const error = useRouteError()
  let title = 'Đã có lỗi xảy ra'
  let message = 'Hệ thống gặp lỗi ngoài dự kiến. Dữ liệu của bạn không bị thay đổi; vui lòng thử lại.'
  if (isRouteErrorResponse(error)) {
    if (error.status === 403) title = 'Không có quyền truy cập'
    else if (error.status === 404) title = 'Không tìm thấy'
    else if (error.status === 400) title = 'Yêu cầu không hợp lệ'
    if (typeof error.data === 'string' && error.data) message = error.data
  }
  return (
    <main className="page">
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">Về trang chủ</Link>
      </p>
    </main>
  )
}
