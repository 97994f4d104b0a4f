/** "Anliegen mitteilen": brokers' employees write to the platform operator (with checked screenshots). */
export { presignScreenshot } from './presign';
export { submitSupport } from './submit';
export { listSupport } from './list';
export { screenshotPresignSchema, supportRules, supportSchema, type SupportInput } from './schemas';
