// What agencies and the office do to a task: progress reports, completion proposals and decisions, extensions.
import { and, desc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import type { IsoDate } from '../../db/reference/types'
import { extensionRequests, progressReports, taskAgencies, tasks, type Role } from '../../db/schema'
import { categorize } from '../domain/categories'
import { toVietnamDate } from '../domain/dates'
import { taskAccess } from '../domain/permissions'
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../lib/errors'
import { appendHistory, type Tx } from './history.server'
import { closeDirectiveIfDone } from './register.server'
import { readSettings } from './settings.server'

export interface WorkflowActor {
  id: number
  role: Role
  agencyId: number | null
}


function loadTask(tx: Tx, taskId: number) {
  const task = tx.select().from(tasks).where(eq(tasks.id, taskId)).get()
  if (!task) throw new NotFoundError('Không tìm thấy nhiệm vụ.')
  const agencies = tx.select().from(taskAgencies).where(eq(taskAgencies.taskId, taskId)).all()
  return { task, agencies }
}

function isOverdue(task: typeof tasks.$inferSelect, today: IsoDate): boolean {
  return categorize(task, today) === 'overdue'
}

function requireOpen(task: typeof tasks.$inferSelect): void {
  if (task.status === 'pending') throw new ConflictError('Nhiệm vụ đang chờ văn phòng xác nhận hoàn thành.')
  if (task.status === 'completed') throw new ConflictError('Nhiệm vụ đã hoàn thành.')
  if (task.status === 'cancelled') throw new ConflictError('Nhiệm vụ đã bị hủy.')
}

export interface ProgressInput {
  percent: number
  note: string
  delayReason?: string | null
}

/** An agency on the task (lead or support) reports its progress; on an overdue task it must say why. */
export function reportProgress(db: Db, actor: WorkflowActor, taskId: number, input: ProgressInput, now = new Date()): void {
  const today = toVietnamDate(now)
  db.transaction((tx) => {
    const { task, agencies } = loadTask(tx, taskId)
    const access = taskAccess(actor, agencies)
    if (!access.canReport) throw new ForbiddenError('Chỉ cơ quan được giao nhiệm vụ mới được báo cáo tiến độ.')
    requireOpen(task)
    const delayReason = input.delayReason?.trim() || null
    if (isOverdue(task, today) && !delayReason) throw new ValidationError({ delayReason: 'Nhiệm vụ đã quá hạn: nêu lý do chậm.' })
    if (input.percent >= 100 && access.agencyRole === 'lead') {
      throw new ValidationError({ percent: 'Khi đã xong, hãy dùng "Đề nghị xác nhận hoàn thành" kèm văn bản kết quả.' })
    }
    tx.insert(progressReports)
      .values({ taskId, agencyId: actor.agencyId!, userId: actor.id, kind: 'progress', percent: input.percent, note: input.note.trim(), delayReason, reportedOn: today, createdAt: now.toISOString() })
      .run()
    if (access.agencyRole === 'lead') {
      tx.update(tasks)
        .set({ progressPercent: input.percent, lastNote: input.note.trim(), delayReason: delayReason ?? task.delayReason, updatedAt: now.toISOString() })
        .where(eq(tasks.id, taskId))
        .run()
    } else {
      tx.update(taskAgencies)
        .set({ progressPercent: input.percent, lastNote: input.note.trim() })
        .where(and(eq(taskAgencies.taskId, taskId), eq(taskAgencies.agencyId, actor.agencyId!)))
        .run()
      if (delayReason) tx.update(tasks).set({ delayReason, updatedAt: now.toISOString() }).where(eq(tasks.id, taskId)).run()
    }
    appendHistory(tx, {
      actorId: actor.id,
      entity: 'task',
      entityId: taskId,
      directiveId: task.directiveId,
      taskId,
      action: 'progress_reported',
      before: { percent: access.agencyRole === 'lead' ? task.progressPercent : agencies.find((a) => a.agencyId === actor.agencyId)?.progressPercent },
      after: { role: access.agencyRole, agencyId: actor.agencyId, percent: input.percent, note: input.note.trim(), delayReason },
      at: now,
    })
  })
}

export interface CompletionInput {
  note: string
  evidenceNumber?: string | null
  evidenceDate?: IsoDate | null
  delayReason?: string | null
}

/** The lead agency proposes completion of the whole task, with the resulting document as evidence. */
export function proposeCompletion(db: Db, actor: WorkflowActor, taskId: number, input: CompletionInput, now = new Date()): void {
  const today = toVietnamDate(now)
  db.transaction((tx) => {
    const { task, agencies } = loadTask(tx, taskId)
    const access = taskAccess(actor, agencies)
    if (!access.canProposeCompletion) throw new ForbiddenError('Chỉ cơ quan chủ trì mới được đề nghị xác nhận hoàn thành.')
    requireOpen(task)
    const delayReason = input.delayReason?.trim() || null
    if (isOverdue(task, today) && !delayReason) throw new ValidationError({ delayReason: 'Nhiệm vụ đã quá hạn: nêu lý do chậm.' })
    if (input.evidenceDate && input.evidenceDate > today) throw new ValidationError({ evidenceDate: 'Ngày văn bản kết quả không thể ở tương lai.' })
    if (Boolean(input.evidenceNumber?.trim()) !== Boolean(input.evidenceDate)) {
      throw new ValidationError(input.evidenceDate ? { evidenceNumber: 'Nhập số, ký hiệu văn bản kết quả.' } : { evidenceDate: 'Nhập ngày của văn bản kết quả.' })
    }
    tx.insert(progressReports)
      .values({
        taskId,
        agencyId: actor.agencyId!,
        userId: actor.id,
        kind: 'completion',
        percent: 100,
        note: input.note.trim(),
        delayReason,
        evidenceNumber: input.evidenceNumber?.trim() || null,
        evidenceDate: input.evidenceDate ?? null,
        status: 'pending',
        reportedOn: today,
        createdAt: now.toISOString(),
      })
      .run()
    tx.update(tasks)
      .set({ status: 'pending', progressPercent: 100, lastNote: input.note.trim(), delayReason: delayReason ?? task.delayReason, updatedAt: now.toISOString() })
      .where(eq(tasks.id, taskId))
      .run()
    appendHistory(tx, {
      actorId: actor.id,
      entity: 'task',
      entityId: taskId,
      directiveId: task.directiveId,
      taskId,
      action: 'completion_proposed',
      before: { status: task.status },
      after: { status: 'pending', evidenceNumber: input.evidenceNumber ?? null, evidenceDate: input.evidenceDate ?? null, note: input.note.trim(), delayReason },
      at: now,
    })
  })
}

function pendingCompletion(tx: Tx, taskId: number) {
  return tx
    .select()
    .from(progressReports)
    .where(and(eq(progressReports.taskId, taskId), eq(progressReports.kind, 'completion'), eq(progressReports.status, 'pending')))
    .orderBy(desc(progressReports.id))
    .get()
}

/**
 * The office confirms a proposed completion. The completion date is the day the agency reported it done, so the
 * office's review time never makes an on-time task late.
 */
export function confirmCompletion(db: Db, actor: WorkflowActor, taskId: number, note: string, now = new Date()): void {
  db.transaction((tx) => {
    const { task, agencies } = loadTask(tx, taskId)
    if (!taskAccess(actor, agencies).canDecide) throw new ForbiddenError('Chỉ văn phòng mới được xác nhận hoàn thành.')
    if (task.status !== 'pending') throw new ConflictError('Nhiệm vụ không ở trạng thái chờ xác nhận hoàn thành.')
    const report = pendingCompletion(tx, taskId)
    if (!report) throw new ConflictError('Không tìm thấy đề nghị hoàn thành đang chờ.')
    tx.update(progressReports)
      .set({ status: 'confirmed', decidedBy: actor.id, decidedAt: now.toISOString(), decisionNote: note.trim() || null })
      .where(eq(progressReports.id, report.id))
      .run()
    tx.update(tasks).set({ status: 'completed', completedOn: report.reportedOn, updatedAt: now.toISOString() }).where(eq(tasks.id, taskId)).run()
    appendHistory(tx, {
      actorId: actor.id,
      entity: 'task',
      entityId: taskId,
      directiveId: task.directiveId,
      taskId,
      action: 'completion_confirmed',
      before: { status: 'pending' },
      after: { status: 'completed', completedOn: report.reportedOn, note: note.trim() || null },
      at: now,
    })
    closeDirectiveIfDone(tx, actor.id, task.directiveId, now)
  })
}

export function returnCompletion(db: Db, actor: WorkflowActor, taskId: number, reason: string, now = new Date()): void {
  db.transaction((tx) => {
    const { task, agencies } = loadTask(tx, taskId)
    if (!taskAccess(actor, agencies).canDecide) throw new ForbiddenError('Chỉ văn phòng mới được trả lại kết quả.')
    if (task.status !== 'pending') throw new ConflictError('Nhiệm vụ không ở trạng thái chờ xác nhận hoàn thành.')
    if (reason.trim().length < 5) throw new ValidationError({ reason: 'Nêu lý do trả lại (ít nhất 5 ký tự).' })
    const report = pendingCompletion(tx, taskId)
    if (!report) throw new ConflictError('Không tìm thấy đề nghị hoàn thành đang chờ.')
    tx.update(progressReports)
      .set({ status: 'returned', decidedBy: actor.id, decidedAt: now.toISOString(), decisionNote: reason.trim() })
      .where(eq(progressReports.id, report.id))
      .run()
    const lastProgress = tx
      .select({ percent: progressReports.percent })
      .from(progressReports)
      .where(and(eq(progressReports.taskId, taskId), eq(progressReports.kind, 'progress'), eq(progressReports.agencyId, report.agencyId)))
      .orderBy(desc(progressReports.id))
      .get()
    tx.update(tasks)
      .set({ status: 'open', progressPercent: lastProgress?.percent ?? 0, updatedAt: now.toISOString() })
      .where(eq(tasks.id, taskId))
      .run()
    appendHistory(tx, { actorId: actor.id, entity: 'task', entityId: taskId, directiveId: task.directiveId, taskId, action: 'completion_returned', before: { status: 'pending' }, after: { status: 'open', reason: reason.trim() }, at: now })
  })
}


export interface ExtensionInput {
  proposedDueOn: IsoDate
  reason: string
}

/** The lead agency asks, before the deadline, to move it; the office decides. */
export function requestExtension(db: Db, actor: WorkflowActor, taskId: number, input: ExtensionInput, now = new Date()): number {
  const today = toVietnamDate(now)
  return db.transaction((tx) => {
    const { task, agencies } = loadTask(tx, taskId)
    if (!taskAccess(actor, agencies).canRequestExtension) throw new ForbiddenError('Chỉ cơ quan chủ trì mới được đề nghị gia hạn.')
    requireOpen(task)
    if (!task.dueOn) throw new ConflictError('Nhiệm vụ thường xuyên không có thời hạn để gia hạn.')
    if (today > task.dueOn) throw new ConflictError('Đã quá hạn: đề nghị gia hạn phải gửi trước thời hạn.')
    const pending = tx.select({ id: extensionRequests.id }).from(extensionRequests).where(and(eq(extensionRequests.taskId, taskId), eq(extensionRequests.status, 'pending'))).get()
    if (pending) throw new ConflictError('Đã có một đề nghị gia hạn đang chờ văn phòng quyết định.')
    const cap = readSettings(tx).maxExtensions
    if (task.extensionCount >= cap) throw new ConflictError(`Nhiệm vụ đã được gia hạn ${task.extensionCount} lần, tối đa ${cap} lần.`)
    if (input.proposedDueOn <= task.dueOn) throw new ValidationError({ proposedDueOn: 'Thời hạn đề nghị phải sau thời hạn hiện tại.' })
    if (input.reason.trim().length < 5) throw new ValidationError({ reason: 'Nêu lý do đề nghị gia hạn (ít nhất 5 ký tự).' })
    const row = tx
      .insert(extensionRequests)
      .values({ taskId, agencyId: actor.agencyId!, userId: actor.id, currentDueOn: task.dueOn, proposedDueOn: input.proposedDueOn, reason: input.reason.trim(), createdAt: now.toISOString() })
      .returning({ id: extensionRequests.id })
      .get()
    appendHistory(tx, { actorId: actor.id, entity: 'task', entityId: taskId, directiveId: task.directiveId, taskId, action: 'extension_requested', after: { requestId: row.id, currentDueOn: task.dueOn, proposedDueOn: input.proposedDueOn, reason: input.reason.trim() }, at: now })
    return row.id
  })
}

export function decideExtension(db: Db, actor: WorkflowActor, taskId: number, decision: { approve: boolean; note: string }, now = new Date()): void {
  db.transaction((tx) => {
    const { task, agencies } = loadTask(tx, taskId)
    if (!taskAccess(actor, agencies).canDecide) throw new ForbiddenError('Chỉ văn phòng mới được quyết định gia hạn.')
    const request = tx.select().from(extensionRequests).where(and(eq(extensionRequests.taskId, taskId), eq(extensionRequests.status, 'pending'))).get()
    if (!request) throw new ConflictError('Không có đề nghị gia hạn nào đang chờ.')
    if (!decision.approve && decision.note.trim().length < 5) throw new ValidationError({ note: 'Nêu lý do từ chối (ít nhất 5 ký tự).' })
    if (decision.approve && task.status !== 'open') throw new ConflictError('Nhiệm vụ không còn đang thực hiện: không thể gia hạn.')
    // The deadline may have moved since the request (an office correction): approving must never bring it forward.
    if (decision.approve && task.dueOn && request.proposedDueOn <= task.dueOn) {
      throw new ConflictError('Thời hạn hiện tại đã muộn hơn thời hạn đề nghị: đề nghị gia hạn không còn phù hợp, hãy từ chối kèm ý kiến.')
    }
    tx.update(extensionRequests)
      .set({ status: decision.approve ? 'approved' : 'refused', decidedBy: actor.id, decidedAt: now.toISOString(), decisionNote: decision.note.trim() || null })
      .where(eq(extensionRequests.id, request.id))
      .run()
    if (decision.approve) {
      tx.update(tasks)
        .set({ dueOn: request.proposedDueOn, extensionCount: task.extensionCount + 1, updatedAt: now.toISOString() })
        .where(eq(tasks.id, taskId))
        .run()
    }
    appendHistory(tx, {
      actorId: actor.id,
      entity: 'task',
      entityId: taskId,
      directiveId: task.directiveId,
      taskId,
      action: decision.approve ? 'extension_approved' : 'extension_refused',
      before: { dueOn: task.dueOn, originalDueOn: task.originalDueOn },
      after: { dueOn: decision.approve ? request.proposedDueOn : task.dueOn, requestId: request.id, note: decision.note.trim() || null },
      at: now,
    })
  })
}

/** Office edits of a task's content, deadline or key flag, recorded with before and after. */
export function editTask(
  db: Db,
  actor: WorkflowActor,
  taskId: number,
  input: { content: string; dueOn: IsoDate | null; isKey: boolean; issuedOn: IsoDate },
  now = new Date(),
): void {
  db.transaction((tx) => {
    const { task, agencies } = loadTask(tx, taskId)
    if (!taskAccess(actor, agencies).canEdit) throw new ForbiddenError()
    if (task.status === 'cancelled') throw new ConflictError('Nhiệm vụ đã bị hủy.')
    if ((task.dueOn == null) !== (input.dueOn == null)) throw new ValidationError({ dueOn: 'Không thể đổi nhiệm vụ có thời hạn thành thường xuyên hoặc ngược lại; hãy hủy và giao lại.' })
    if (input.dueOn && input.dueOn < input.issuedOn) throw new ValidationError({ dueOn: 'Thời hạn không thể trước ngày ban hành văn bản.' })
    const before: Record<string, unknown> = {}
    const after: Record<string, unknown> = {}
    const set: Partial<typeof tasks.$inferInsert> = {}
    if (input.content.trim() !== task.content) {
      before.content = task.content
      after.content = set.content = input.content.trim()
    }
    if (input.dueOn !== task.dueOn) {
      // An office correction of the deadline is a correction of the record, so the original moves with it;
      // extensions go through requests and keep the original.
      before.dueOn = task.dueOn
      after.dueOn = set.dueOn = input.dueOn
      if (task.extensionCount === 0) set.originalDueOn = input.dueOn
    }
    if (input.isKey !== task.isKey) {
      before.isKey = task.isKey
      after.isKey = set.isKey = input.isKey
    }
    if (Object.keys(set).length === 0) return
    set.updatedAt = now.toISOString()
    tx.update(tasks).set(set).where(eq(tasks.id, taskId)).run()
    appendHistory(tx, { actorId: actor.id, entity: 'task', entityId: taskId, directiveId: task.directiveId, taskId, action: 'task_edited', before, after, at: now })
  })
}

export function cancelTask(db: Db, actor: WorkflowActor, taskId: number, reason: string, now = new Date()): void {
  db.transaction((tx) => {
    const { task, agencies } = loadTask(tx, taskId)
    if (!taskAccess(actor, agencies).canEdit) throw new ForbiddenError()
    if (task.status === 'cancelled') throw new ConflictError('Nhiệm vụ đã bị hủy.')
    if (task.status === 'completed') throw new ConflictError('Nhiệm vụ đã hoàn thành: không thể hủy.')
    if (reason.trim().length < 5) throw new ValidationError({ reason: 'Nêu lý do hủy (ít nhất 5 ký tự).' })
    tx.update(tasks).set({ status: 'cancelled', updatedAt: now.toISOString() }).where(eq(tasks.id, taskId)).run()
    tx.update(extensionRequests).set({ status: 'refused', decidedBy: actor.id, decidedAt: now.toISOString(), decisionNote: 'Nhiệm vụ bị hủy' }).where(and(eq(extensionRequests.taskId, taskId), eq(extensionRequests.status, 'pending'))).run()
    appendHistory(tx, { actorId: actor.id, entity: 'task', entityId: taskId, directiveId: task.directiveId, taskId, action: 'task_cancelled', before: { status: task.status }, after: { status: 'cancelled', reason: reason.trim() }, at: now })
    closeDirectiveIfDone(tx, actor.id, task.directiveId, now)
  })
}

