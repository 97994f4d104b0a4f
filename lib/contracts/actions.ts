'use server';

import { advisorAction, sessionAction } from '../actions/define';
import { contractPath, placePath } from '../documents/paths';
import { addProvider, removeProvider } from './catalog';
import { createContract } from './create';
import { deleteContract } from './delete';
import { createContractFormSchema, idSchema, providerSchema, updateContractSchema } from './schemas';
import { updateContract } from './update';

/** VERTRAG HINZUFÜGEN → SPEICHERN (advisor for a contact, client for themselves) → the new contract. */
export const createContractAction = sessionAction({
  name: 'contracts.create',
  schema: createContractFormSchema,
  run: createContract,
  redirect: (_input, data, ctx) => `${contractPath(ctx.actor, data.contactId, data.id)}?neu=1`,
  echo: 'always',
});

export const updateContractAction = sessionAction({
  name: 'contracts.update',
  schema: updateContractSchema,
  run: updateContract,
  revalidate: (_input, data, ctx) => [
    contractPath(ctx.actor, data.contactId, data.id),
    placePath(ctx.actor, data.contactId, _input.area, null),
  ],
  echo: 'always',
});

/** Löschen after the confirmation dialog → back to the area. */
export const deleteContractAction = sessionAction({
  name: 'contracts.delete',
  schema: idSchema,
  run: deleteContract,
  redirect: (_input, data, ctx) => `${placePath(ctx.actor, data.contactId, data.area, null)}?geloescht=1`,
});

/** EINSTELLUNGEN → ANBIETER (admins). */
export const addProviderAction = advisorAction({
  name: 'providers.add',
  schema: providerSchema,
  run: addProvider,
  revalidate: () => '/settings/anbieter',
  // The chosen list stays selected for the next entry (the name field empties itself on success).
  echo: 'always',
});

export const removeProviderAction = advisorAction({
  name: 'providers.remove',
  schema: idSchema,
  run: removeProvider,
  revalidate: () => '/settings/anbieter',
});
