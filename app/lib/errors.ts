// Errors that carry Vietnamese messages for the user, by form field where there is one.
export class ValidationError extends Error {
  constructor(
    public readonly fieldErrors: Record<string, string>,
    message = Object.values(fieldErrors)[0] ?? 'Dữ liệu không hợp lệ.',
  ) {
    super(message)
    this.name = 'ValidationError'
  }
}

/** An action outside the user's role or agency: answered with 403 and a security log line. */
export class ForbiddenError extends Error {
  constructor(message = 'Bạn không có quyền thực hiện thao tác này.') {
    super(message)
    this.name = 'ForbiddenError'
  }
}

export class NotFoundError extends Error {
  constructor(message = 'Không tìm thấy dữ liệu yêu cầu.') {
    super(message)
    this.name = 'NotFoundError'
  }
}

/** A valid request that the current state does not allow (e.g. confirming a task that is not awaiting confirmation). */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConflictError'
  }
}
