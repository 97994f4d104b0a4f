/**
 * One batch of delivered contracts → proposed import rows: per contract its policyholder (a 'person' row,
 * once per job and person) and the contract ('contract' row: neu / geändert / unverändert, with conflicts).
 */
import { translate } from '../../i18n';
import type { FieldValues, ProposedRow } from '../types';
import { diffContract, type Values } from './diff';
import { contractValues, type ImportedField } from './map';
import { currentValues } from './current';
import { contactsByName, contactsByNumber, contractsByKey } from './lookup';
import { decideMatch, normalName, personKey, personValues } from './person';
import type { GdvContract } from './types';
import type { Tx } from '../../db/client';

export interface BatchContext {
  db: Tx;
  tenantId: string;
  /** Person keys already proposed in this job (a person with several contracts gets one row). */
  persons: Set<string>;
}

export interface PacketInfo {
  group: string;
  provider: string;
  asOf: string;
}

const fieldLabel = (f: ImportedField) => translate('de', `gdv.contractFields.${f}`);

export async function batchRows(b: BatchContext, packet: PacketInfo, batch: GdvContract[]): Promise<ProposedRow[]> {
  const values = batch.map((c) => contractValues(c, packet.provider, packet.asOf));
  const existing = await contractsByKey(
    b.db,
    b.tenantId,
    values.map((v) => v.gdvKey),
  );
  const holders = batch.map((c) => c.persons[0] ?? null);
  const numbered = holders.flatMap((p, i) =>
    p?.customerNumber ? [[batch[i]!.key.vuNumber, p.customerNumber] as [string, string]] : [],
  );
  const byNumber = await contactsByNumber(b.db, b.tenantId, numbered);
  const names = holders.flatMap((p) => (p && p.salutation !== '3' && p.surname ? [p.surname] : []));
  const named = await contactsByName(b.db, b.tenantId, names);

  const rows: ProposedRow[] = [];
  batch.forEach((c, i) => {
    const v = values[i]!;
    const { gdvKey, ...incoming } = v;
    const current = existing.get(gdvKey);
    const holder = holders[i];
    if (!current && !holder) {
      rows.push({
        line: c.line,
        kind: 'contract',
        matchKey: gdvKey,
        targetId: null,
        before: null,
        after: incoming,
        status: 'error',
        reason: { key: 'gdv.reasons.noPerson', values: { line: c.line } },
        group: packet.group,
      });
      return;
    }
    let dependsOn: ProposedRow['dependsOn'];
    if (holder) {
      const key = personKey(c.key.vuNumber, holder);
      const contactId = current?.contactId ?? null;
      const linked = holder.customerNumber
        ? (byNumber.get(`${c.key.vuNumber}:${holder.customerNumber}`) ?? null)
        : null;
      if (!b.persons.has(key)) {
        b.persons.add(key);
        const pv = personValues(holder);
        const sameName = named.filter(
          (n) =>
            normalName(n.lastName) === normalName(pv.lastName) && normalName(n.firstName) === normalName(pv.firstName),
        );
        const exact = pv.birthDate ? sameName.filter((n) => n.birthDate === pv.birthDate) : [];
        const label = (n: (typeof named)[number]) => [n.firstName, n.lastName, n.birthDate].filter(Boolean).join(' ');
        // Without a birth date a name alone is never a match: such contacts are offered for the review.
        const match = contactId
          ? { targetId: contactId }
          : decideMatch(linked, pv.birthDate ? exact.map((n) => ({ id: n.id, label: label(n) })) : []);
        const candidates =
          !match.targetId && !pv.birthDate && sameName.length
            ? sameName.map((n) => ({ id: n.id, label: label(n) }))
            : match.candidates;
        const link = { vuNumber: c.key.vuNumber, customerNumber: holder.customerNumber || null };
        const needsLink = !!holder.customerNumber && !linked;
        rows.push({
          line: holder.line,
          kind: 'person',
          matchKey: key,
          targetId: match.targetId,
          candidates,
          before: match.targetId ? (needsLink ? { customerNumber: null } : {}) : null,
          after: match.targetId ? (needsLink ? link : {}) : { ...pv, ...link },
          status: match.targetId ? (needsLink ? 'changed' : 'unchanged') : 'new',
          reason: candidates?.length
            ? { key: 'gdv.reasons.ambiguous', values: { count: candidates.length } }
            : undefined,
          group: packet.group,
        });
      }
      if (!current) dependsOn = { kind: 'person', matchKey: key };
    }
    if (!current) {
      rows.push({
        line: c.line,
        kind: 'contract',
        matchKey: gdvKey,
        targetId: null,
        before: null,
        after: incoming,
        status: 'new',
        dependsOn,
        group: packet.group,
      });
      return;
    }
    const d = diffContract(v, currentValues(current), (current.importValues as Values | null) ?? null);
    rows.push({
      line: c.line,
      kind: 'contract',
      matchKey: gdvKey,
      targetId: current.id,
      before: d.before as FieldValues | null,
      after: d.after as FieldValues,
      status: d.status,
      reason: d.conflicts.length
        ? { key: 'gdv.reasons.conflict', values: { fields: d.conflicts.map(fieldLabel).join(', ') } }
        : undefined,
      group: packet.group,
    });
  });
  return rows;
}
