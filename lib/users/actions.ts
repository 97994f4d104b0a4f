'use server';

import { revalidatePath } from 'next/cache';
import { advisorAction, sessionAction } from '../actions/define';
import { changePassword, changePasswordSchema } from '../auth/change-password';
import { createEmployee } from './create-employee';
import { chooseLanguage } from './language';
import { rememberLocale } from '../auth/locale-cookie';
import { setEmployeeLocked } from './lock';
import { resendInvitation } from './resend';
import {
  chooseLanguageSchema,
  employeeIdSchema,
  employeeSchema,
  lockEmployeeSchema,
  updateEmployeeSchema,
} from './schemas';
import { updateEmployee } from './update-employee';

/** BENUTZER ERSTELLEN → SPEICHERN (admins only, checked again in createEmployee). */
export const createEmployeeAction = advisorAction({
  name: 'users.create',
  schema: employeeSchema,
  run: createEmployee,
  redirect: (_input, { id }) => `/users?neu=${id}`,
});

export const updateEmployeeAction = advisorAction({
  name: 'users.update',
  schema: updateEmployeeSchema,
  run: updateEmployee,
  revalidate: (input) => `/users/${input.id}`,
  echo: 'always',
});

export const lockEmployeeAction = advisorAction({
  name: 'users.lock',
  schema: lockEmployeeSchema,
  run: setEmployeeLocked,
  revalidate: (input) => `/users/${input.id}`,
  echo: 'never',
});

export const resendInvitationAction = advisorAction({
  name: 'users.resend',
  schema: employeeIdSchema,
  run: resendInvitation,
  revalidate: (input) => `/users/${input.id}`,
  echo: 'never',
});

/** "Mein Zugang" → Passwort ändern (employees and clients): every other session ends. */
export const changePasswordAction = sessionAction({
  name: 'account.password',
  schema: changePasswordSchema,
  run: changePassword,
  echo: 'never',
});

/**
 * "Mein Zugang" → Sprache: stored on the account, remembered in the browser for the login page, and the
 * whole area is rendered again so the new language shows at once.
 */
export const chooseLanguageAction = sessionAction({
  name: 'account.language',
  schema: chooseLanguageSchema,
  run: async (ctx, input) => {
    const done = await chooseLanguage(ctx, input);
    await rememberLocale(done.locale);
    // Every page of the area shows the new language (layouts and navigation included), not only this one.
    revalidatePath('/', 'layout');
    return done;
  },
  echo: 'never',
});
