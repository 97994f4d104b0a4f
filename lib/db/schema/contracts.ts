import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants } from './tenants';
import { users } from './users';

export const folderAreas = ['insurance', 'finance', 'other', 'emergency'] as const;
export type FolderArea = (typeof folderAreas)[number];
/** Where a document hangs: a folder area (with or without a contract) or the contact itself ('profile'). */
export const documentAreas = ['insurance', 'finance', 'other', 'emergency', 'profile'] as const;
export type DocumentArea = (typeof documentAreas)[number];

/**
 * Shipped catalogues (tenant_id null, filled by a migration) and a tenant's own additions:
 * insurers (VERSICHERER), finance providers and other providers (Anbieter).
 */
export const providers = pgTable(
  'providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').references(() => tenants.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['insurer', 'finance', 'other'] }).notNull(),
    name: text('name').notNull(),
    /** GDV VU-Nummer (the insurer's BaFin number) a tenant confirmed for this entry in an import. */
    vuNumber: text('vu_number'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('providers_scope_kind_name_key').on(
      sql`coalesce(${t.tenantId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.kind,
      sql`lower(${t.name})`,
    ),
    uniqueIndex('providers_scope_vu_number_key')
      .on(sql`coalesce(${t.tenantId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.vuNumber)
      .where(sql`${t.vuNumber} is not null`),
  ],
);

/** PRODUKT / SPARTE per area (for NOTFALL-ORDNER: the document types), shipped by a migration. */
export const productLines = pgTable(
  'product_lines',
  {
    area: text('area', { enum: folderAreas }).notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    /** GDV Sparte code (3 digits, e.g. '050' Kraftfahrt) the line stands for; drives the deadline rules. */
    sparte: text('sparte'),
  },
  (t) => [uniqueIndex('product_lines_area_name_key').on(t.area, t.name)],
);

/** Statuses after which a contract has no deadlines (gekündigt: the cancellation is already on its way). */
export const endedContractStatuses = ['gekündigt', 'beendet'] as const;

/** One contract (or NOTFALL-ORDNER entry) in a contact's folder. */
export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    area: text('area', { enum: folderAreas }).notNull(),
    status: text('status', { enum: ['aktiv', 'beantragt', 'ruhend', 'gekündigt', 'beendet'] }),
    product: text('product').notNull(),
    title: text('title'),
    provider: text('provider'),
    number: text('number'),
    paymentMethod: text('payment_method'),
    frequency: text('frequency', {
      enum: ['monatlich', 'vierteljährlich', 'halbjährlich', 'jährlich', 'einmalig', 'beitragsfrei'],
    }),
    premiumCents: bigint('premium_cents', { mode: 'number' }),
    startDate: date('start_date'),
    endDate: date('end_date'),
    noticePeriod: text('notice_period'),
    /** GDV Sparte code (3 digits); null: the product line's. Unknown codes from an import are kept raw. */
    sparte: text('sparte'),
    /** Hauptfälligkeit: the start of the next insurance year as of the entry or delivery (rolled forward). */
    mainDueDate: date('main_due_date'),
    /** Kündigungsfrist in whole months; null: the rule's default. */
    noticeMonths: integer('notice_months'),
    /** Automatische Verlängerung; null: not recorded. */
    autoRenewal: boolean('auto_renewal'),
    /** Events that open a deadline of their own (the latest of each kind). */
    premiumIncreaseReceivedOn: date('premium_increase_received_on'),
    claimSettledOn: date('claim_settled_on'),
    acquiredOn: date('acquired_on'),
    /**
     * Dates known only in part (GDV delivers 00 for an unknown day or month): { startDate: '2004-03',
     * endDate: '2027', mainDueDate: … } as 'YYYY' or 'YYYY-MM'. The date column of such a field stays null.
     */
    partialDates:
      jsonb('partial_dates').$type<Partial<Record<'startDate' | 'endDate' | 'mainDueDate' | 'exitDate', string>>>(),
    /** Premium as delivered by a GDV import: 'brutto' (with insurance tax) or 'netto'; null: typed in. */
    premiumBasis: text('premium_basis', { enum: ['brutto', 'netto'] }),
    /** Abgangsgrund (GDV code, e.g. '01' Kündigung VN zum Ablauf) and Abgangsdatum of a cancelled contract. */
    exitReason: text('exit_reason'),
    exitDate: date('exit_date'),
    /** GDV key VU-Nummer|Sparte|Versicherungsschein-Nr|Folgenummer: re-imports find the contract by it. */
    gdvKey: text('gdv_key'),
    /** The values the last import wrote (to tell an insurer's change from an edit in Mappe). */
    importValues: jsonb('import_values').$type<Record<string, string | number | null>>(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdByClient: boolean('created_by_client').notNull().default(false),
    /** How the contract got here: 'import' (GDV / file import), 'client' (portal), 'typed'; null = typed. */
    origin: text('origin', { enum: ['typed', 'client', 'import'] }),
    updatedBy: uuid('updated_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('contracts_tenant_id_key').on(t.tenantId, t.id),
    foreignKey({
      columns: [t.tenantId, t.contactId],
      foreignColumns: [users.tenantId, users.id],
      name: 'contracts_contact_fk',
    }).onDelete('cascade'),
    index('contracts_contact_area_idx').on(t.tenantId, t.contactId, t.area, t.createdAt),
    /** FRISTEN: the list walks a tenant's insurance contracts that carry a date, in id order (keyset). */
    index('contracts_deadline_candidates_idx')
      .on(t.tenantId, t.id)
      .where(
        sql`${t.area} = 'insurance' and (${t.status} is null or ${t.status} not in ('gekündigt', 'beendet')) and coalesce(${t.startDate}, ${t.endDate}, ${t.mainDueDate}, ${t.premiumIncreaseReceivedOn}, ${t.claimSettledOn}, ${t.acquiredOn}) is not null`,
      ),
    // BESTAND: new and ended contracts per month (a 12-month range per tenant, not the whole table).
    index('contracts_tenant_start_idx').on(t.tenantId, t.startDate),
    index('contracts_tenant_end_idx').on(t.tenantId, t.endDate),
    check('contracts_origin_known', sql`${t.origin} is null or ${t.origin} in ('typed', 'client', 'import')`),
    uniqueIndex('contracts_tenant_gdv_key')
      .on(t.tenantId, t.gdvKey)
      .where(sql`${t.gdvKey} is not null`),
  ],
);

/** The insurer's Kundennummer of a contact (0100 TD2), per VU-Nummer: later deliveries find the person by it. */
export const contactInsurerNumbers = pgTable(
  'contact_insurer_numbers',
  {
    tenantId: uuid('tenant_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    vuNumber: text('vu_number').notNull(),
    customerNumber: text('customer_number').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.vuNumber, t.customerNumber], name: 'contact_insurer_numbers_pkey' }),
    foreignKey({
      columns: [t.tenantId, t.contactId],
      foreignColumns: [users.tenantId, users.id],
      name: 'contact_insurer_numbers_contact_fk',
    }).onDelete('cascade'),
    index('contact_insurer_numbers_contact_idx').on(t.tenantId, t.contactId),
  ],
);

/** A document (title, type, date, note) with one or more files; on a contract, an area or the contact. */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    area: text('area', { enum: documentAreas }).notNull(),
    contractId: uuid('contract_id'),
    title: text('title').notNull(),
    type: text('type').notNull(),
    documentDate: date('document_date'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdByClient: boolean('created_by_client').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('documents_tenant_id_key').on(t.tenantId, t.id),
    foreignKey({
      columns: [t.tenantId, t.contactId],
      foreignColumns: [users.tenantId, users.id],
      name: 'documents_contact_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.tenantId, t.contractId],
      foreignColumns: [contracts.tenantId, contracts.id],
      name: 'documents_contract_fk',
    }).onDelete('cascade'),
    index('documents_contact_idx').on(t.tenantId, t.contactId, t.area),
    index('documents_contract_idx').on(t.tenantId, t.contractId),
  ],
);

/** The stored files of a document: checked by their bytes, kept under tenants/<id>/documents/. */
export const documentFiles = pgTable(
  'document_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id').notNull(),
    documentId: uuid('document_id').notNull(),
    objectKey: text('object_key').notNull().unique(),
    filename: text('filename').notNull(),
    mime: text('mime').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      columns: [t.tenantId, t.documentId],
      foreignColumns: [documents.tenantId, documents.id],
      name: 'document_files_document_fk',
    }).onDelete('cascade'),
    index('document_files_document_idx').on(t.tenantId, t.documentId),
  ],
);

/**
 * Pending browser uploads: the presigned key, who may finalise it and what was declared. A document's
 * files are copied out of here after the byte check; a sweeper removes what was never finalised (24 h).
 */
export const uploads = pgTable(
  'uploads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    objectKey: text('object_key').notNull().unique(),
    filename: text('filename').notNull(),
    declaredType: text('declared_type').notNull(),
    declaredSize: bigint('declared_size', { mode: 'number' }).notNull(),
    maxBytes: bigint('max_bytes', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('uploads_created_idx').on(t.createdAt), index('uploads_user_idx').on(t.tenantId, t.userId)],
);

export type Contract = typeof contracts.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;
export type DocumentFile = typeof documentFiles.$inferSelect;
