import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** An error the client caused or may act on; becomes `{"error": {code, message, details}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
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
