import type { ModuleKey } from '../db/schema';

/** The handbook's words for modules, rights and states (shared by forms and lists). */
export const moduleLabels: Record<ModuleKey, string> = {
  insurance: 'VERSICHERUNGEN',
  finance: 'FINANZEN',
  other: 'SONSTIGE VERTRÄGE',
  emergency: 'NOTFALL-ORDNER',
  communication: 'KOMMUNIKATION',
};

export const rightLabels = { none: 'keine', read: 'lesen', write: 'schreiben' } as const;
export const employeeTypeLabels = { mitarbeiter: 'Mitarbeiter', netzwerkpartner: 'Netzwerkpartner', experte: 'Experte' } as const;
export const roleLabels = { admin: 'Admin', employee: 'Mitarbeiter' } as const;
export const scopeLabels = { all: 'alle Kontakte', own: 'nur eigene Kontakte (als BETREUER)' } as const;

export const statusLabels: Record<string, string> = {
  none: 'ohne Benutzerkonto',
  created: 'Konto erstellt',
  invited: 'eingeladen',
  active: 'aktiv',
  locked: 'gesperrt',
};

export const linkLabels = { none: '', open: 'Link verschickt', burned: 'Link gesperrt', expired: 'Link abgelaufen', used: 'Passwort vergeben' } as const;
