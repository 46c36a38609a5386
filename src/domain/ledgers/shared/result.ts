// Domain rules refuse by returning a value rather than throwing, so a caller can show the Chinese
// message as is and the server can map `code` to its AppError(code, messageZh).

export interface Refusal {
  readonly ok: false;
  /** Stable machine code, e.g. 'hazard.wrongRole'. */
  readonly code: string;
  readonly messageZh: string;
}

export function refuse(code: string, messageZh: string): Refusal {
  return { ok: false, code, messageZh };
}
