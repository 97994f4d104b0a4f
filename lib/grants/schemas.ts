import { z } from 'zod';
import { clientModules, emptyGrants, type ClientModule, type Grants } from '../access/freigaben';
import { uuidField } from '../forms/fields';

export const switchNames = ['activation', 'dataRelease', 'readOnly'] as const;

/** The FREIGABEN form: the contact's id and checkboxes "<module>.<switch>" = "on" (unchecked ones are absent). */
export const saveGrantsSchema = z
  .record(z.string(), z.string())
  .transform((values, ctx): { contactId: string; grants: Grants } => {
    const id = uuidField.safeParse(values.id);
    if (!id.success) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: 'grants.errors.unknownContact' });
      return z.NEVER;
    }
    const grants = emptyGrants();
    for (const [key, value] of Object.entries(values)) {
      if (key === 'id') continue;
      const [mod, name] = key.split('.') as [ClientModule, (typeof switchNames)[number]];
      if (!clientModules.includes(mod) || !switchNames.includes(name) || value !== 'on') {
        ctx.addIssue({ code: 'custom', message: 'grants.errors.unknownSwitch' });
        return z.NEVER;
      }
      grants[mod][name] = true;
    }
    return { contactId: id.data, grants };
  });
export type SaveGrantsInput = z.output<typeof saveGrantsSchema>;
