'use server';

import { advisorAction, clientAction } from '../actions/define';
import { setContractReminder } from './optin';
import { contractReminderSchema, reminderSettingsSchema } from './schemas';
import { saveReminderSettings } from './settings';

/** Client: "Erinnerung per E-Mail" on one contract of their folder. */
export const contractReminderAction = clientAction({
  name: 'reminders.contract',
  schema: contractReminderSchema,
  run: setContractReminder,
  revalidate: (input) => `/portal/contracts/${input.contractId}`,
  echo: 'never',
});

/** EINSTELLUNGEN → Fristen-Erinnerungen: the days before a deadline the Betreuer is mailed. */
export const reminderSettingsAction = advisorAction({
  name: 'settings.reminders',
  schema: reminderSettingsSchema,
  run: saveReminderSettings,
  revalidate: () => '/settings/erinnerungen',
  echo: 'always',
});
