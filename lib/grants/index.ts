/** FREIGABEN: the stored switches (load.ts), the verb that saves them (save.ts). The contact's activity is lib/contacts/activity.ts. */
export { grantsOf, loadGrants } from './load';
export { saveGrants } from './save';
