import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError, badRequest } from '../errors';

/**
 * The request body parsed as JSON and validated by `schema`: 400 for malformed JSON or a body
 * that does not fit, naming each field.
 */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const text = await c.req.text();
  // PostgreSQL text cannot hold NUL; refuse it here rather than fail in SQL.
  if (text.includes('\0') || /\\u0000/i.test(text))
    throw badRequest('Text may not contain NUL characters.');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw badRequest('The body is not valid JSON.');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 20).map((i) => ({
      field: i.path.join('.') || '(body)',
      message: i.message,
    }));
    throw new ApiError(
      400,
      'invalid_body',
      `Invalid body: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
      {
        problems,
      },
    );
  }
  return parsed.data;
}
