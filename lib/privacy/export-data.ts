import type { ExportScope } from '../access/privacy';
import { clientModules } from '../access/freigaben';
import type { Tenant } from '../db/schema';
import { translate, type Locale } from '../i18n';
import type { ExportRows } from './export-load';

/** A file of the ZIP: its path there and the stored object it comes from. */
export interface ZipEntry {
  name: string;
  key: string;
}

const areas = ['insurance', 'finance', 'other', 'emergency', 'profile'] as const;
type Area = (typeof areas)[number];

export function safeName(s: string, untitled: string): string {
  return (
    s
      .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80) || untitled
  );
}

/** Unique paths inside the ZIP: a second "Police.pdf" in the same folder becomes "Police (2).pdf". */
function pathMaker() {
  const used = new Set<string>();
  return (name: string) => {
    let candidate = name;
    for (let i = 2; used.has(candidate); i++) candidate = name.replace(/(\.[^./]+)?$/, ` (${i})$1`);
    used.add(candidate);
    return candidate;
  };
}

/** Audit entries a client's own export shows: what they did, and what happened to their login. */
const ownAuditEntry = (a: ExportRows['auditRows'][number], contactId: string) =>
  a.actorId === contactId || a.action.startsWith('auth.');

/**
 * daten.json and the files of one DATENEXPORT. The keys are a stable data format (German, as since the
 * first export); the texts are in the reader's language. `scope` (lib/access/privacy.ts) says what goes in:
 * everything for the advisor's export, what the client may see for the client's own.
 */
export function exportData(rows: ExportRows, scope: ExportScope, tenant: Pick<Tenant, 'name'>, locale: Locale) {
  const t = (key: string, values?: Record<string, string>) => translate(locale, `privacy.export.${key}`, values);
  const name = (s: string) => safeName(s, t('untitled'));
  const who = (id: string | null | undefined) => (id ? (rows.people.get(id) ?? t('formerUser')) : null);
  const contactId = rows.user.id;
  const unique = pathMaker();
  const entries: ZipEntry[] = [];

  const contracts = rows.contractRows.filter((c) => scope.item({ area: c.area, createdByClient: c.createdByClient }));
  const visibleContract = (id: string | null) => contracts.find((c) => c.id === id);
  const documentsOut = rows.docRows
    .filter((d) => scope.item({ area: d.area, createdByClient: d.createdByClient }))
    .map((d) => {
      const contract = visibleContract(d.contractId);
      const area = areas.includes(d.area as Area) ? t(`folders.${d.area}`) : d.area;
      const folder = `${t('documents')}/${area}/${contract ? `${name(contract.product)} – ${name(contract.provider ?? contract.title ?? '')}/` : ''}${name(d.title)}`;
      const files = rows.fileRows
        .filter((f) => f.documentId === d.id)
        .map((f) => {
          const path = unique(`${folder}/${name(f.filename)}`);
          entries.push({ name: path, key: f.objectKey });
          return { datei: path, typ: f.mime, groesse: f.size };
        });
      return {
        titel: d.title,
        art: d.type,
        datum: d.documentDate,
        notiz: d.note,
        bereich: d.area === 'profile' ? t('modules.generalDocuments') : t(`modules.${d.area}`),
        vertrag: contract ? `${contract.product} · ${contract.provider ?? contract.title ?? ''}` : null,
        angelegtVomKunden: d.createdByClient,
        angelegtAm: d.createdAt,
        dateien: files,
      };
    });

  const ticketsOut = (scope.communication ? rows.ticketRows : []).map((tk) => ({
    betreff: tk.subject,
    status: tk.status === 'open' ? t('open') : t('closed'),
    eroeffnetAm: tk.createdAt,
    nachrichten: rows.messageRows
      .filter((m) => m.ticketId === tk.id)
      .map((m) => ({
        von: who(m.authorId),
        am: m.createdAt,
        text: m.body,
        anhaenge: rows.attachmentRows
          .filter((a) => a.messageId === m.id)
          .map((a) => {
            const path = unique(`${t('messages')}/${name(tk.subject)}/${name(a.filename)}`);
            entries.push({ name: path, key: a.objectKey });
            return path;
          }),
      })),
    historie: rows.eventRows
      .filter((e) => e.ticketId === tk.id)
      .map((e) => ({
        ereignis: e.type,
        von: who(e.actorId),
        am: e.createdAt,
        ...(e.meta?.fromId ? { vorher: who(e.meta.fromId) } : {}),
        ...(e.meta?.toId ? { an: who(e.meta.toId) } : {}),
        ...(scope.internal && e.meta?.internalNote ? { interneNotiz: e.meta.internalNote } : {}),
      })),
  }));

  const { passwordHash: _hash, ...user } = rows.user;
  const data = {
    hinweis: t(scope.complete ? 'notice' : 'noticeClient'),
    exportiertAm: new Date().toISOString(),
    verantwortlicher: tenant.name,
    kontakt: {
      ...(scope.internal ? { ...user, profil: rows.profile } : { ...ownAccount(user), profil: ownProfile(rows, who) }),
      // The insurers' customer numbers from their GDV deliveries (VU-Nummer → Kundennummer).
      versicherernummern: rows.insurerNumberRows.map((r) => ({ vuNummer: r.vuNumber, kundennummer: r.customerNumber })),
    },
    freigaben: Object.fromEntries(clientModules.map((m) => [t(`modules.${m}`), rows.grants[m]])),
    vertraege: contracts.map((c) => ({
      ...(scope.internal ? c : withoutInternal(c)),
      angelegtVon: c.createdByClient ? t('client') : who(c.createdBy),
      geaendertVon: who(c.updatedBy),
      erinnerung: rows.optinRows.find((o) => o.contractId === c.id)?.since ?? null,
    })),
    dokumente: documentsOut,
    kommunikation: ticketsOut,
    ...(scope.internal
      ? {
          wiedervorlagen: rows.followUpRows.map((f) => ({
            faelligAm: f.dueOn,
            notiz: f.note,
            zustaendig: who(f.assigneeId),
            vertrag: f.contractId,
            erledigtAm: f.doneAt,
            angelegtVon: who(f.createdBy),
            angelegtAm: f.createdAt,
          })),
        }
      : {}),
    anmeldungen: rows.sessionRows,
    emails: rows.mailRows,
    protokoll: rows.auditRows
      .filter((a) => scope.internal || ownAuditEntry(a, contactId))
      .map((a) => ({
        am: a.at,
        aktion: a.action,
        durch: a.actorId === contactId ? t('client') : (who(a.actorId) ?? a.actorType),
        ...(scope.internal ? { details: a.meta } : {}),
      })),
  };
  return { data, entries };
}

/** The account as the client knows it (no internal role/rights columns, no tenant id). */
function ownAccount(u: Omit<ExportRows['user'], 'passwordHash'>) {
  const { tenantId: _t, role: _r, rights: _ri, scope: _s, employeeType: _e, ...own } = u;
  return own;
}

/** PROFIL as the client sees and edits it, their BETREUER and their own enquiry; never the advisor's note. */
function ownProfile(rows: ExportRows, who: (id: string | null | undefined) => string | null) {
  const p = rows.profile;
  if (!p) return null;
  return {
    phone: p.phone,
    mobile: p.mobile,
    street: p.street,
    zip: p.zip,
    city: p.city,
    betreuer: who(p.advisorId),
    ...(p.leadTopic || p.leadMessage
      ? { anfrage: { thema: p.leadTopic, nachricht: p.leadMessage, einwilligungAm: p.leadConsentAt } }
      : {}),
  };
}

function withoutInternal<
  C extends { tenantId: string; contactId: string; createdBy: string | null; updatedBy: string | null },
>(c: C) {
  const { tenantId: _t, contactId: _c, createdBy: _cb, updatedBy: _ub, ...rest } = c;
  return rest;
}
