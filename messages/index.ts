/**
 * The message catalogs, one file per namespace and locale (messages/<locale>/<namespace>.json).
 * A new namespace: add its two files and one line per locale here; the catalog test checks both match.
 */
import de_account from './de/account.json';
import de_advisor from './de/advisor.json';
import de_auth from './de/auth.json';
import de_bestand from './de/bestand.json';
import de_common from './de/common.json';
import de_contacts from './de/contacts.json';
import de_contracts from './de/contracts.json';
import de_dashboard from './de/dashboard.json';
import de_deadlines from './de/deadlines.json';
import de_devices from './de/devices.json';
import de_documents from './de/documents.json';
import de_error from './de/error.json';
import de_errors from './de/errors.json';
import de_followUps from './de/followUps.json';
import de_forms from './de/forms.json';
import de_fristen from './de/fristen.json';
import de_gdv from './de/gdv.json';
import de_grants from './de/grants.json';
import de_help from './de/help.json';
import de_import from './de/import.json';
import de_leads from './de/leads.json';
import de_login from './de/login.json';
import de_mail from './de/mail.json';
import de_mailbox from './de/mailbox.json';
import de_notFound from './de/notFound.json';
import de_platform from './de/platform.json';
import de_portal from './de/portal.json';
import de_privacy from './de/privacy.json';
import de_reminders from './de/reminders.json';
import de_protocol from './de/protocol.json';
import de_settings from './de/settings.json';
import de_shell from './de/shell.json';
import de_signin from './de/signin.json';
import de_support from './de/support.json';
import de_tickets from './de/tickets.json';
import de_uploads from './de/uploads.json';
import de_users from './de/users.json';
import en_account from './en/account.json';
import en_advisor from './en/advisor.json';
import en_auth from './en/auth.json';
import en_bestand from './en/bestand.json';
import en_common from './en/common.json';
import en_contacts from './en/contacts.json';
import en_contracts from './en/contracts.json';
import en_dashboard from './en/dashboard.json';
import en_deadlines from './en/deadlines.json';
import en_devices from './en/devices.json';
import en_documents from './en/documents.json';
import en_error from './en/error.json';
import en_errors from './en/errors.json';
import en_followUps from './en/followUps.json';
import en_forms from './en/forms.json';
import en_fristen from './en/fristen.json';
import en_gdv from './en/gdv.json';
import en_grants from './en/grants.json';
import en_help from './en/help.json';
import en_import from './en/import.json';
import en_leads from './en/leads.json';
import en_login from './en/login.json';
import en_mail from './en/mail.json';
import en_mailbox from './en/mailbox.json';
import en_notFound from './en/notFound.json';
import en_platform from './en/platform.json';
import en_portal from './en/portal.json';
import en_privacy from './en/privacy.json';
import en_reminders from './en/reminders.json';
import en_protocol from './en/protocol.json';
import en_settings from './en/settings.json';
import en_shell from './en/shell.json';
import en_signin from './en/signin.json';
import en_support from './en/support.json';
import en_tickets from './en/tickets.json';
import en_uploads from './en/uploads.json';
import en_users from './en/users.json';

export const de = {
  account: de_account,
  advisor: de_advisor,
  auth: de_auth,
  common: de_common,
  contacts: de_contacts,
  contracts: de_contracts,
  bestand: de_bestand,
  dashboard: de_dashboard,
  deadlines: de_deadlines,
  devices: de_devices,
  documents: de_documents,
  error: de_error,
  errors: de_errors,
  followUps: de_followUps,
  forms: de_forms,
  fristen: de_fristen,
  gdv: de_gdv,
  grants: de_grants,
  help: de_help,
  import: de_import,
  leads: de_leads,
  login: de_login,
  mail: de_mail,
  mailbox: de_mailbox,
  notFound: de_notFound,
  platform: de_platform,
  portal: de_portal,
  privacy: de_privacy,
  reminders: de_reminders,
  protocol: de_protocol,
  settings: de_settings,
  shell: de_shell,
  signin: de_signin,
  support: de_support,
  tickets: de_tickets,
  uploads: de_uploads,
  users: de_users,
};

export const en = {
  account: en_account,
  advisor: en_advisor,
  auth: en_auth,
  common: en_common,
  contacts: en_contacts,
  contracts: en_contracts,
  bestand: en_bestand,
  dashboard: en_dashboard,
  deadlines: en_deadlines,
  devices: en_devices,
  documents: en_documents,
  error: en_error,
  errors: en_errors,
  followUps: en_followUps,
  forms: en_forms,
  fristen: en_fristen,
  gdv: en_gdv,
  grants: en_grants,
  help: en_help,
  import: en_import,
  leads: en_leads,
  login: en_login,
  mail: en_mail,
  mailbox: en_mailbox,
  notFound: en_notFound,
  platform: en_platform,
  portal: en_portal,
  privacy: en_privacy,
  reminders: en_reminders,
  protocol: en_protocol,
  settings: en_settings,
  shell: en_shell,
  signin: en_signin,
  support: en_support,
  tickets: en_tickets,
  uploads: en_uploads,
  users: en_users,
};

export type Messages = typeof de;
export const catalogs = { de, en } as const;
