/**
 * What the audit log's `action` codes mean to a reader. Codes stay as the server wrote them in
 * filters and URLs; only the table and the action menu show the human label.
 */
import { vi, type MessageKey } from '$lib/i18n/messages';
import { translate, type Locale } from '$lib/i18n/translate';

/** The actions the server records today, in the order the filter menu lists them. */
export const AUDIT_ACTIONS = [
  'login',
  'logout',
  'layer.read',
  'ogc.read',
  'stats.read',
  'hotspots.read',
  'hotspots.emerging.read',
  'hotspots.forecast.read',
  'briefing.read',
  'patrol_route.list',
  'patrol_route.read',
  'patrol_route.create',
  'patrol_route.update',
  'patrol_route.delete',
  'plan.list',
  'plan.read',
  'plan.create',
  'plan.update',
  'plan.delete',
  'plan.copy',
  'plan.suggest',
  'coverage.read',
  'effort.read',
  'patrol.list',
  'patrol.read',
  'patrol.create',
  'seizure.create',
  'seizure.update',
  'seizure.delete',
  'user.add',
  'user.disable',
  'user.enable',
  'user.reset_password',
  'user.update',
  'audit.export',
  'token.create',
  'token.revoke',
  'token.use',
  'seizure.import',
  'export.download',
  'report.list',
  'report.read',
  'report.create',
  'report.update',
  'report.close',
  'report.reopen',
  'report.acknowledge',
  'report.assess',
  'report.link',
  'report.unlink',
  'report.exchange.read',
  'report.flags.read',
  'object.list',
  'object.read',
  'object.create',
  'object.update',
  'object.sighting',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isKnownAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

/**
 * A refused request is recorded under its method and route rather than an action name.
 * @example isRequestAction('GET /api/audit') // true
 */
export function isRequestAction(action: string): boolean {
  return /^[A-Z]+ \/\S*$/.test(action);
}

/**
 * The label of an action code in a language; an unknown code is shown as it is.
 * @example actionLabel('user.disable', 'vi') // 'Khóa tài khoản'
 * @example actionLabel('GET /api/audit', 'en') // 'GET /api/audit'
 */
export function actionLabel(action: string, locale: Locale): string {
  const key = `auditAction.${action}`;
  return key in vi ? translate(locale, key as MessageKey) : action;
}
