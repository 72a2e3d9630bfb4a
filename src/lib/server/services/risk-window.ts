import { vietnamDay } from '../io/vietnam-time';

/**
 * The day twelve months before `day` (YYYY-MM-DD), clamped to the month's end.
 * @example yearBefore('2024-02-29') // '2023-02-28'
 */
export function yearBefore(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The window of seizures whose density is a plan's risk (coverage and suggestions), both days
 * included: the request's from/to, else the plan's risk_from/risk_to, else the twelve months up
 * to the province's last seizure (`lastDay`), else up to today in Vietnam. Ending at the last
 * seizure rather than today keeps risk where records stop early (imports, the demo set). Open
 * information reports join the risk whatever this window, weighted by their age at the time of
 * the question (report-risk.ts).
 * @example riskWindow({}, undefined, '2024-09-25', now) // { from: '2023-09-25', to: '2024-09-25' }
 */
export function riskWindow(
  request: { from?: string; to?: string },
  plan: { risk_from: string | null; risk_to: string | null } | undefined,
  lastDay: string | null,
  now: Date,
): { from: string; to: string } {
  const to = request.to ?? plan?.risk_to ?? lastDay ?? vietnamDay(now);
  const from = request.from ?? plan?.risk_from ?? yearBefore(to);
  return { from, to };
}
