/** NEUKUNDENGEWINNUNG: the public contact form and ALS KUNDEN ÜBERNEHMEN. */
export { acceptLead } from './accept';
export { acceptLeadSchema, leadSchema, leadTopics, type LeadInput, type LeadTopic } from './schemas';
export { submitLead, topicLabel } from './submit';
export { checkLeadToken, leadFormToken, leadPolicy } from './token';
