import { env } from '../env';

/** Host-only cookie; with https the __Host- prefix forbids Domain and forces Secure + Path=/ (R-S3). */
export function sessionCookieName(): string {
  return env().APP_URL_SCHEME === 'https' ? '__Host-mappe.session' : 'mappe.session';
}
