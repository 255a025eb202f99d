// The background-job pieces the admin pages use, behind a .server module so that they never reach the browser bundle.
export { createQueue } from '../../jobs/queue'
export { JOBS, runJob } from '../../jobs/run'
export { nextRun, SCHEDULES } from '../../jobs/schedules'
