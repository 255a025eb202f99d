// Who may do what: the role matrix of DOMAIN.md, as pure functions that every loader and action consults.
import type { Role, TaskRole } from '../../db/schema'

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  office: 'Chuyên viên văn phòng',
  agency: 'Cán bộ cơ quan, đơn vị',
  leader: 'Lãnh đạo',
}

export const PERMISSIONS = {
  'directive.view': ['admin', 'office', 'leader', 'agency'],
  'directive.edit': ['office'],
  'task.viewAll': ['admin', 'office', 'leader'],
  'task.report': ['agency'],
  'task.decide': ['office'],
  'rates.view': ['admin', 'office', 'leader'],
  'dashboard.view': ['office', 'leader'],
  'admin.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof PERMISSIONS

export const PERMISSION_LABELS: Record<Permission, string> = {
  'directive.view': 'Xem văn bản chỉ đạo (cán bộ cơ quan: chỉ văn bản có nhiệm vụ của cơ quan mình)',
  'directive.edit': 'Nhập, sửa văn bản chỉ đạo và nhiệm vụ; giao cơ quan; đóng, hủy, thay thế văn bản',
  'task.viewAll': 'Xem mọi nhiệm vụ',
  'task.report': 'Báo cáo tiến độ, đề nghị hoàn thành, đề nghị gia hạn nhiệm vụ của cơ quan mình',
  'task.decide': 'Xác nhận hoặc trả lại kết quả hoàn thành; duyệt hoặc từ chối gia hạn',
  'rates.view': 'Xem tỷ lệ hoàn thành, đúng hạn theo cơ quan',
  'dashboard.view': 'Xem bảng điều hành (số liệu, xu hướng, xếp hạng cơ quan) và báo cáo định kỳ',
  'admin.manage': 'Quản lý cơ quan, người dùng, vai trò; kiểm tra tính toàn vẹn lịch sử',
}

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role)
}

export interface TaskAccess {
  canView: boolean
  /** The agency's role on this task, for an agency officer. */
  agencyRole: TaskRole | null
  canReport: boolean
  canProposeCompletion: boolean
  canRequestExtension: boolean
  canDecide: boolean
  canEdit: boolean
}

/** What one user may do on one task, given the agencies on the task (agency id → role). */
export function taskAccess(
  user: { role: Role; agencyId: number | null },
  taskAgencies: ReadonlyArray<{ agencyId: number; role: TaskRole }>,
): TaskAccess {
  const mine = user.agencyId == null ? undefined : taskAgencies.find((a) => a.agencyId === user.agencyId)
  const agencyRole = user.role === 'agency' && mine ? mine.role : null
  return {
    canView: can(user.role, 'task.viewAll') || agencyRole !== null,
    agencyRole,
    canReport: agencyRole !== null,
    canProposeCompletion: agencyRole === 'lead',
    canRequestExtension: agencyRole === 'lead',
    canDecide: can(user.role, 'task.decide'),
    canEdit: can(user.role, 'directive.edit'),
  }
}
