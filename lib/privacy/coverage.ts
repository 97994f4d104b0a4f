/**
 * Where each table that can hold a client's data is covered: what the DATENEXPORT contains and what the
 * deletion does. tests/integration/privacy.test.ts compares this with the real schema, so a new table
 * must be classified here (or in `notClientData`) before the suite passes.
 */
export const clientDataCoverage: Record<string, { export: string; erase: string }> = {
  users: { export: 'kontakt (without password hash)', erase: 'row deleted' },
  contact_profiles: { export: 'kontakt', erase: 'cascade with users' },
  client_grants: { export: 'freigaben', erase: 'cascade with users' },
  sessions: { export: 'anmeldungen (time, IP, browser)', erase: 'cascade with users' },
  account_tokens: { export: 'omitted: only hashes of one-time links', erase: 'cascade with users' },
  auth_throttle: { export: 'omitted: failed-login counters', erase: 'account key deleted' },
  user_totp: { export: 'omitted: the encrypted authenticator secret', erase: 'cascade with users' },
  recovery_codes: { export: 'omitted: only hashes of recovery codes', erase: 'cascade with users' },
  pending_logins: { export: 'omitted: 5-minute sign-in steps (hash only)', erase: 'cascade with users' },
  passkeys: {
    export: 'omitted: public keys of the passkeys (names shown in Mein Zugang)',
    erase: 'cascade with users',
  },
  webauthn_challenges: { export: 'omitted: 5-minute passkey challenges (hash only)', erase: 'cascade with users' },
  contracts: { export: 'vertraege', erase: 'cascade with users' },
  documents: { export: 'dokumente + files in the ZIP', erase: 'cascade with users' },
  document_files: { export: 'files in the ZIP', erase: 'cascade; objects deleted from S3 by the job' },
  uploads: { export: 'omitted: unfinished uploads', erase: 'rows deleted; objects deleted by the job' },
  tickets: { export: 'kommunikation', erase: 'cascade with users' },
  ticket_messages: { export: 'kommunikation.nachrichten', erase: 'cascade with tickets' },
  ticket_files: { export: 'files in the ZIP', erase: 'cascade; objects deleted from S3 by the job' },
  ticket_events: { export: 'kommunikation.historie', erase: 'cascade with tickets' },
  ticket_reads: { export: 'omitted: read markers', erase: 'cascade with tickets' },
  audit_log: {
    export: 'protokoll (entries about the contact)',
    erase: 'pseudonymised (controlled exception to append-only)',
  },
  outbox: {
    export: 'emails (date, subject, status)',
    erase: 'mails to the address and mails naming the contact deleted',
  },
  deadline_reminders: { export: 'omitted: send markers (the mails are under emails)', erase: 'cascade with contracts' },
  contract_reminder_optins: { export: 'vertraege[].erinnerung', erase: 'cascade with users and contracts' },
  follow_ups: { export: 'wiedervorlagen', erase: 'cascade with users' },
  contact_insurer_numbers: { export: 'kontakt.versicherernummern', erase: 'cascade with users' },
  deadline_marks: { export: "omitted: the firm's erledigt marks on deadlines", erase: 'cascade with contracts' },
  contract_deadlines: {
    export: 'omitted: computed from the contract dates (the dates are under vertraege)',
    erase: 'cascade with contracts',
  },
  contract_deadline_queue: { export: 'omitted: recompute markers', erase: 'cascade with contracts' },
  import_rows: {
    export: "omitted: an import's working rows (the data itself is under kontakt and vertraege)",
    erase: 'rows that target the contact or their contracts deleted',
  },
  follow_up_notices: { export: 'omitted: send markers of the due-day mail', erase: 'cascade with follow_ups' },
};

/** Tables without client data, with the reason. */
export const notClientData: Record<string, string> = {
  tenants: 'the broker firm',
  tenant_domains: 'the broker firm',
  tenant_settings: 'IMPRESSUM, signature, colours of the firm',
  providers: 'catalogue of companies',
  product_lines: 'catalogue of product names',
  support_requests: 'employees to the platform operator',
  deletion_jobs: 'pseudonym and object keys only',
  reminder_settings: 'reminder days of the firm',
  calendar_feeds: "employees' calendar feeds (token hash, name setting)",
  import_jobs: "an employee's import job (file keys, counts; the rows are import_rows)",
  import_mappings: "the firm's remembered column mapping",
  portfolio_snapshots: 'BESTAND totals of the firm (counts and sums, no names of clients)',
};
