import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit';
import type { Tx } from '../db/client';
import { tenantDomains, tenants, type Tenant, type User } from '../db/schema';
import { createAccount } from '../users/create';
import { isValidSlug, normalizeHost } from './host';
import { isHexColor } from './theme';

const color = z.string().refine(isHexColor, 'Farbe im Format #rrggbb');

export const newTenantSchema = z.object({
  slug: z.string().trim().toLowerCase().refine(isValidSlug, 'slug: a-z, 0-9 and "-", 1–40 characters, not reserved'),
  name: z.string().trim().min(2).max(120),
  primaryColor: color.optional(),
  secondaryColor: color.optional(),
  fontColor: color.optional(),
  domains: z
    .array(z.string())
    .default([])
    .transform((list, ctx) =>
      list.map((d) => {
        const host = normalizeHost(d);
        if (!host || !host.includes('.')) ctx.addIssue({ code: 'custom', message: `invalid domain: ${d}` });
        return host ?? '';
      }),
    ),
  admin: z.object({
    email: z.email(),
    firstName: z.string().trim().min(1).max(80),
    lastName: z.string().trim().min(1).max(80),
    passwordHash: z.string().min(1),
    birthDate: z.iso.date().optional(),
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9._-]{2,40}$/)
      .optional(),
  }),
});

export type NewTenant = z.input<typeof newTenantSchema>;

export class SlugTakenError extends Error {
  constructor(slug: string) {
    super(`A tenant with the slug "${slug}" exists already`);
  }
}

/** Creates a tenant, its custom domains and its first admin (status active), with an audit row. */
export async function createTenant(tx: Tx, input: NewTenant): Promise<{ tenant: Tenant; admin: User }> {
  const data = newTenantSchema.parse(input);
  const existing = await tx.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, data.slug)).limit(1);
  if (existing.length) throw new SlugTakenError(data.slug);
  const [tenant] = await tx
    .insert(tenants)
    .values({
      slug: data.slug,
      name: data.name,
      ...(data.primaryColor && { primaryColor: data.primaryColor }),
      ...(data.secondaryColor && { secondaryColor: data.secondaryColor }),
      ...(data.fontColor && { fontColor: data.fontColor }),
    })
    .returning();
  for (const host of data.domains) await tx.insert(tenantDomains).values({ host, tenantId: tenant!.id });
  const admin = await createAccount(tx, {
    tenantId: tenant!.id,
    kind: 'employee',
    role: 'admin',
    email: data.admin.email,
    firstName: data.admin.firstName,
    lastName: data.admin.lastName,
    username: data.admin.username,
    passwordHash: data.admin.passwordHash,
    birthDate: data.admin.birthDate ?? null,
    status: 'active',
  });
  await audit(tx, {
    tenantId: tenant!.id,
    actorType: 'platform',
    action: 'tenant.created',
    targetType: 'tenant',
    targetId: tenant!.id,
    meta: { slug: data.slug },
  });
  return { tenant: tenant!, admin };
}
