/** The statuses a refusal can carry (the API answers 500 for anything else). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

/**
 * An error the caller caused or may act on, raised anywhere below the routes (services,
 * validation); the API turns it into `{"error": {code, message, details}}` with its status.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const badRequest = (message: string, details?: unknown) =>
  new ApiError(400, 'bad_request', message, details);

export const badParameter = (parameter: string, message: string) =>
  new ApiError(400, 'bad_parameter', `${parameter}: ${message}`, { parameter });

export const notFound = (message: string) => new ApiError(404, 'not_found', message);

export const invalidGeometry = (message: string, details?: unknown) =>
  new ApiError(422, 'invalid_geometry', message, details);

export const conflict = (message: string, details?: unknown) =>
  new ApiError(409, 'conflict', message, details);

export const tooLarge = (limitBytes: number) =>
  new ApiError(413, 'payload_too_large', `Request body exceeds ${limitBytes} bytes`, {
    limit_bytes: limitBytes,
  });

export function errorBody(code: string, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}
