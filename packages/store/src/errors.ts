/** Failures a caller can cause, each with the HTTP status the API answers with. */
export type StoreErrorCode = 'unauthorized' | 'forbidden' | 'not_found' | 'invalid' | 'conflict' | 'too_large' | 'unprocessable';

const STATUS: Record<StoreErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  invalid: 400,
  too_large: 413,
  unprocessable: 422,
  conflict: 409,
};

export class StoreError extends Error {
  readonly status: number;
  constructor(readonly code: StoreErrorCode, message: string, readonly details?: Record<string, unknown>) {
    super(message);
    this.status = STATUS[code];
  }
}

export const notFound = (what: string) => new StoreError('not_found', `${what} not found`);
export const forbidden = (action: string) => new StoreError('forbidden', `your role does not allow ${action}`);
export const invalid = (message: string) => new StoreError('invalid', message);
export const conflict = (message: string, details?: Record<string, unknown>) => new StoreError('conflict', message, details);
