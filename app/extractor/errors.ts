// The one error the extractor throws: the input is not a directive it can read, with a message for the user.

export type ExtractionErrorCode = 'empty' | 'binary' | 'not-vietnamese' | 'no-tasks'

const MESSAGES: Record<ExtractionErrorCode, string> = {
  empty: 'Văn bản trống: không có nội dung để trích xuất nhiệm vụ.',
  binary: 'Nội dung không phải văn bản (có ký tự nhị phân hoặc sai mã UTF-8): không trích xuất được nhiệm vụ.',
  'not-vietnamese': 'Văn bản không phải tiếng Việt: không trích xuất được nhiệm vụ.',
  'no-tasks': 'Không tìm thấy nhiệm vụ nào: văn bản này có vẻ không phải là văn bản chỉ đạo (thông báo kết luận, chỉ thị, kế hoạch, công văn …).',
}

export class ExtractionError extends Error {
  readonly code: ExtractionErrorCode

  constructor(code: ExtractionErrorCode, message: string = MESSAGES[code]) {
    super(message)
    this.name = 'ExtractionError'
    this.code = code
  }
}
