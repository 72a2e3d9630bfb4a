/**
 * Input errors of the analysis library, typed so the API can answer them with a 400 naming the
 * reason (`code`) instead of a 500. Programming errors (a cell listed twice, a negative size)
 * stay RangeErrors: the API validates those parameters before calling.
 */

/** Why an analysis refused its input. */
export type AnalysisErrorCode =
  /** Fewer time steps than a Mann-Kendall trend needs (emerging hot spots). */
  | 'too_few_steps'
  /** Arrays that must be parallel (values and cells, steps) differ in length. */
  | 'length_mismatch'
  /** A value is NaN or infinite, or a parameter is outside its range. */
  | 'invalid_value';

/**
 * An analysis input the caller should report as a bad request.
 *
 * @example
 * try { classifyEmerging(steps); } catch (e) {
 *   if (e instanceof AnalysisInputError) return c.json({ error: { code: e.code, message: e.message, details: e.details } }, 400);
 *   throw e;
 * }
 */
export class AnalysisInputError extends Error {
  readonly code: AnalysisErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: AnalysisErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'AnalysisInputError';
    this.code = code;
    this.details = details;
  }
}
