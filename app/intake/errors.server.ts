// The one error the upload readers throw: the file cannot be read, with a Vietnamese sentence for the officer.

export class UploadError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UploadError'
  }
}

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

export function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB`
}
