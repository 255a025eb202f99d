// The environment, validated once at start-up: a missing or malformed variable stops the process with a clear message.
import { z } from 'zod'

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.string().min(1).default('data/dondoc.db'),
  /** Minutes of inactivity after which a session ends. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** Load demo directives and accounts into an empty database ('auto': unless NODE_ENV=production). */
  DEMO_DATA: z.enum(['auto', 'yes', 'no']).default('auto'),
  /** Public base URL used in links (e-mails, printed pages). */
  APP_URL: z.string().url().optional(),
  /** Background jobs: 'auto' runs them (through BullMQ with REDIS_URL, else in the web process); 'off' does not. */
  JOBS: z.enum(['auto', 'off']).default('auto'),
  REDIS_URL: z.string().url('REDIS_URL phải là một URL, ví dụ redis://127.0.0.1:6379').optional(),
  SMTP_URL: z.string().optional(),
})

export type Env = z.infer<typeof EnvSchema>

let cached: Env | undefined

export function getEnv(): Env {
  if (cached) return cached
  const parsed = EnvSchema.safeParse(process.env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment:\n${lines.join('\n')}`)
  }
  cached = parsed.data
  return cached
}

/** The public base URL for links in e-mails and printed pages: APP_URL, or this machine on PORT. */
export function publicBaseUrl(env: Env = getEnv()): string {
  return (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '')
}

/** For tests that change the environment between cases. */
export function resetEnvCache(): void {
  cached = undefined
}
