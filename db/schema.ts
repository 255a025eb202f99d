// The database schema: agencies, people, directives, their items and per-agency tasks, reports, extensions and history.
import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import type { AgencyKind, DeadlineKind, DirectiveType, Recurrence } from './reference/types'

const createdAt = () =>
  text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`)

export const ROLES = ['admin', 'office', 'agency', 'leader'] as const
export type Role = (typeof ROLES)[number]

export const agencies = sqliteTable(
  'agencies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    kind: text('kind').$type<AgencyKind>().notNull(),
    parentId: integer('parent_id').references((): any => agencies.id),
    /** Materialised path of ids, '/1/5/23/', so that "an agency and its sub-agencies" is one indexed prefix match. */
    path: text('path').notNull().default(''),
    validFrom: text('valid_from'),
    validTo: text('valid_to'),
    successorId: integer('successor_id').references((): any => agencies.id),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    emails: text('emails', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('agencies_code_uq').on(t.code),
    index('agencies_parent_idx').on(t.parentId),
    index('agencies_path_idx').on(t.path),
  ],
)

/** Names and abbreviations that identify an agency or a group in documents and searches. */
export const agencyAliases = sqliteTable(
  'agency_aliases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agencyId: integer('agency_id').references(() => agencies.id),
    groupId: integer('group_id').references(() => agencyGroups.id),
    alias: text('alias').notNull(),
    /** The alias folded (lower case, no diacritics, đ → d) for matching. */
    aliasFolded: text('alias_folded').notNull(),
  },
  (t) => [uniqueIndex('agency_aliases_folded_uq').on(t.aliasFolded), index('agency_aliases_agency_idx').on(t.agencyId)],
)

export const agencyGroups = sqliteTable(
  'agency_groups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    memberKinds: text('member_kinds', { mode: 'json' }).$type<AgencyKind[]>().notNull(),
    parentId: integer('parent_id').references(() => agencies.id),
  },
  (t) => [uniqueIndex('agency_groups_code_uq').on(t.code)],
)

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role').$type<Role>().notNull(),
    agencyId: integer('agency_id').references(() => agencies.id),
    /** Further addresses for notifications, besides the login e-mail. */
    extraEmails: text('extra_emails', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: text('locked_until'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_uq').on(t.email), index('users_agency_idx').on(t.agencyId)],
)

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: text('last_seen_at').notNull(),
    revokedAt: text('revoked_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

export const DIRECTIVE_STATUSES = ['open', 'closed', 'cancelled', 'replaced'] as const
export type DirectiveStatus = (typeof DIRECTIVE_STATUSES)[number]

export const directives = sqliteTable(
  'directives',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    type: text('type').$type<DirectiveType>().notNull(),
    number: text('number').notNull(),
    numberFolded: text('number_folded').notNull(),
    title: text('title').notNull(),
    issuer: text('issuer').notNull(),
    issuerFolded: text('issuer_folded').notNull(),
    signer: text('signer').notNull().default(''),
    issuedOn: text('issued_on').notNull(),
    fullText: text('full_text').notNull().default(''),
    monitoringAgencyId: integer('monitoring_agency_id').references(() => agencies.id),
    status: text('status').$type<DirectiveStatus>().notNull().default('open'),
    statusReason: text('status_reason'),
    replacedById: integer('replaced_by_id').references((): any => directives.id),
    closedAt: text('closed_at'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('directives_issuer_number_uq').on(t.issuerFolded, t.numberFolded),
    index('directives_issued_idx').on(t.issuedOn),
  ],
)

/** One assignment as written in the directive (e.g. item 6.b.3); its tasks are the per-agency, per-period copies. */
export const directiveItems = sqliteTable(
  'directive_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    directiveId: integer('directive_id')
      .notNull()
      .references(() => directives.id),
    ref: text('ref').notNull().default(''),
    content: text('content').notNull(),
    deadlineKind: text('deadline_kind').$type<DeadlineKind>().notNull(),
    /** For date/month/quarter/year deadlines. */
    dueOn: text('due_on'),
    recurrence: text('recurrence').$type<Recurrence>(),
    recurringFrom: text('recurring_from'),
    recurringUntil: text('recurring_until'),
    deadlinePhrase: text('deadline_phrase'),
    output: text('output'),
    target: text('target'),
    isKey: integer('is_key', { mode: 'boolean' }).notNull().default(false),
    /** The addressees as assigned: agency and group codes, kept so the item reads as the document does. */
    leadCodes: text('lead_codes', { mode: 'json' }).$type<string[]>().notNull(),
    supportCodes: text('support_codes', { mode: 'json' }).$type<string[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('directive_items_directive_idx').on(t.directiveId)],
)

export const TASK_STATUSES = ['open', 'pending', 'completed', 'cancelled'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]

export const tasks = sqliteTable(
  'tasks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    itemId: integer('item_id')
      .notNull()
      .references(() => directiveItems.id),
    directiveId: integer('directive_id')
      .notNull()
      .references(() => directives.id),
    /** The accountable agency (for co-leads, the first; all leads are in task_agencies). */
    leadAgencyId: integer('lead_agency_id')
      .notNull()
      .references(() => agencies.id),
    /** The agency the task rolls up under: the lead, or its successor once the lead was merged away. */
    rollupAgencyId: integer('rollup_agency_id')
      .notNull()
      .references(() => agencies.id),
    content: text('content').notNull(),
    periodKey: text('period_key'),
    periodLabel: text('period_label'),
    /** The deadline in force: the latest approved one. Null for a standing task. */
    dueOn: text('due_on'),
    originalDueOn: text('original_due_on'),
    extensionCount: integer('extension_count').notNull().default(0),
    status: text('status').$type<TaskStatus>().notNull().default('open'),
    completedOn: text('completed_on'),
    progressPercent: integer('progress_percent').notNull().default(0),
    lastNote: text('last_note'),
    /** The latest reason for delay given by an agency on an overdue task; shown wherever the task is listed. */
    delayReason: text('delay_reason'),
    isKey: integer('is_key', { mode: 'boolean' }).notNull().default(false),
    /** The deadline for which the overdue sweep has recorded this task as overdue; an extension makes it stale. */
    overdueFlaggedFor: text('overdue_flagged_for'),
    /** The deadline for which the sweep has escalated this overdue task to the leaders. */
    overdueEscalatedFor: text('overdue_escalated_for'),
    /** Folded text (content, directive number, agency names) for diacritic-insensitive search. */
    searchText: text('search_text').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('tasks_directive_idx').on(t.directiveId),
    index('tasks_item_idx').on(t.itemId),
    // Covers the per-agency counts (and on-time against the original deadline) without reading the table.
    index('tasks_rollup_status_due_idx').on(t.rollupAgencyId, t.status, t.dueOn, t.completedOn, t.originalDueOn),
    // Covers the overdue list's grouping (status, deadline → accountable agency) and the overdue sweep's flag
    // checks without touching the table.
    index('tasks_status_due_idx').on(t.status, t.dueOn, t.rollupAgencyId, t.overdueFlaggedFor, t.overdueEscalatedFor),
    // Deadline ranges, with the status beside them so that "not cancelled" is checked without reading the table.
    index('tasks_due_idx').on(t.dueOn, t.status),
  ],
)

export const TASK_ROLES = ['lead', 'support'] as const
export type TaskRole = (typeof TASK_ROLES)[number]

/** Every agency on a task, with its role: this is what "my agency's tasks" and permission checks read. */
export const taskAgencies = sqliteTable(
  'task_agencies',
  {
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    role: text('role').$type<TaskRole>().notNull(),
    /** A supporting agency's own progress on its part. */
    progressPercent: integer('progress_percent').notNull().default(0),
    lastNote: text('last_note'),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.agencyId] }), index('task_agencies_agency_idx').on(t.agencyId, t.role, t.taskId)],
)

export const REPORT_KINDS = ['progress', 'completion'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]
export const REPORT_STATUSES = ['recorded', 'pending', 'confirmed', 'returned'] as const

export const progressReports = sqliteTable(
  'progress_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').$type<ReportKind>().notNull(),
    percent: integer('percent').notNull(),
    note: text('note').notNull().default(''),
    delayReason: text('delay_reason'),
    evidenceNumber: text('evidence_number'),
    evidenceDate: text('evidence_date'),
    /** For a completion proposal: pending → confirmed or returned (with the office's reason). */
    status: text('status').$type<(typeof REPORT_STATUSES)[number]>().notNull().default('recorded'),
    reportedOn: text('reported_on').notNull(),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: text('decided_at'),
    decisionNote: text('decision_note'),
    createdAt: createdAt(),
  },
  (t) => [index('progress_reports_task_idx').on(t.taskId)],
)

export const EXTENSION_STATUSES = ['pending', 'approved', 'refused'] as const
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number]

export const extensionRequests = sqliteTable(
  'extension_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    currentDueOn: text('current_due_on').notNull(),
    proposedDueOn: text('proposed_due_on').notNull(),
    reason: text('reason').notNull(),
    status: text('status').$type<ExtensionStatus>().notNull().default('pending'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: text('decided_at'),
    decisionNote: text('decision_note'),
    createdAt: createdAt(),
  },
  (t) => [index('extension_requests_task_idx').on(t.taskId, t.status)],
)

/**
 * The append-only history of every change: who, when, what, before and after. Each entry carries the hash of the
 * previous one, so a changed or deleted row breaks the chain; triggers in the migration refuse UPDATE and DELETE.
 */
export const historyEntries = sqliteTable(
  'history_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actorId: integer('actor_id').references(() => users.id),
    entity: text('entity').notNull(),
    entityId: integer('entity_id').notNull(),
    directiveId: integer('directive_id'),
    taskId: integer('task_id'),
    action: text('action').notNull(),
    before: text('before'),
    after: text('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('history_task_idx').on(t.taskId), index('history_entity_idx').on(t.entity, t.entityId)],
)

/** Admin-editable settings, as JSON values by key. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
})

/** Days off (public holidays, compensatory days) and make-up Saturdays: the working-day calendar, editable by an admin. */
export const holidays = sqliteTable('holidays', {
  date: text('date').primaryKey(),
  name: text('name').notNull(),
  kind: text('kind').$type<'holiday' | 'compensatory' | 'makeup_workday'>().notNull(),
})

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number]

/**
 * E-mail to send, written in the same transaction as the change that causes it and sent by the delivery job.
 * `key` is unique per (kind of message, recipient, day or period), so that a re-run or a second worker writes
 * nothing new, and a claimed row is sent by one worker only.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    kind: text('kind').notNull(),
    recipient: text('recipient').notNull(),
    agencyId: integer('agency_id').references(() => agencies.id),
    userId: integer('user_id').references(() => users.id),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    taskIds: text('task_ids', { mode: 'json' }).$type<number[]>().notNull().default(sql`'[]'`),
    status: text('status').$type<OutboxStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: text('next_attempt_at').notNull(),
    claimedBy: text('claimed_by'),
    claimedUntil: text('claimed_until'),
    messageId: text('message_id'),
    createdAt: createdAt(),
    sentAt: text('sent_at'),
  },
  (t) => [uniqueIndex('outbox_key_uq').on(t.key), index('outbox_due_idx').on(t.status, t.nextAttemptAt)],
)

/** A day's figures per agency, frozen: "as of" numbers that do not move when a task is edited later. */
export const rollupSnapshots = sqliteTable(
  'rollup_snapshots',
  {
    day: text('day').notNull(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    /** 'own': the agency's own tasks; 'tree': with all its sub-agencies. */
    scope: text('scope').$type<'own' | 'tree'>().notNull(),
    assigned: integer('assigned').notNull(),
    doneOnTime: integer('done_on_time').notNull(),
    doneLate: integer('done_late').notNull(),
    inProgress: integer('in_progress').notNull(),
    overdue: integer('overdue').notNull(),
    standing: integer('standing').notNull(),
    doneOnTimeOriginal: integer('done_on_time_original').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.day, t.agencyId, t.scope] }), index('rollup_snapshots_agency_idx').on(t.agencyId, t.day)],
)

/** Each run of a background job, with its outcome, for the admin page and for idempotence checks. */
export const jobRuns = sqliteTable(
  'job_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    job: text('job').notNull(),
    asOf: text('as_of').notNull(),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
    status: text('status').$type<'running' | 'succeeded' | 'failed'>().notNull(),
    summary: text('summary', { mode: 'json' }).$type<Record<string, number>>(),
    error: text('error'),
  },
  (t) => [index('job_runs_job_idx').on(t.job, t.startedAt)],
)

/**
 * Secret links to a user's calendar feed (iCal) of task deadlines. Only the SHA-256 of the token is stored, so a
 * leaked database does not leak working links; a revoked row stays for the record.
 */
export const calendarFeedTokens = sqliteTable(
  'calendar_feed_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** Hex SHA-256 of the token in the link. */
    tokenHash: text('token_hash').notNull(),
    /** For users who see every agency (office, leader, admin): the agency whose tasks the feed lists; officers: their own. */
    agencyId: integer('agency_id').references(() => agencies.id),
    createdAt: createdAt(),
    revokedAt: text('revoked_at'),
    lastUsedAt: text('last_used_at'),
  },
  (t) => [uniqueIndex('calendar_feed_tokens_hash_uq').on(t.tokenHash), index('calendar_feed_tokens_user_idx').on(t.userId)],
)
