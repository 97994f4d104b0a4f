/** The contact fields a column can be mapped to ('' = ignore the column). */
export const contactFields = [
  'salutation',
  'title',
  'firstName',
  'lastName',
  'company',
  'birthDate',
  'email',
  'phone',
  'mobile',
  'street',
  'houseNumber',
  'zip',
  'city',
  'advisor',
  'customerNumber',
  'note',
] as const;
export type ContactField = (typeof contactFields)[number];
