import { inject } from 'vitest';
import { resetEnvCache } from '../../lib/env';
import { s3rverCredentials } from '../../lib/services/embedded';

// Storage code reads its configuration through lib/env, like the app does.
process.env.S3_ENDPOINT = inject('s3Endpoint');
process.env.S3_BUCKET = inject('s3Bucket');
process.env.S3_ACCESS_KEY_ID = s3rverCredentials.accessKeyId;
process.env.S3_SECRET_ACCESS_KEY = s3rverCredentials.secretAccessKey;
process.env.APP_ROOT_DOMAIN = 'localhost';
// The key of secrets at rest (TOTP secrets, recovery-code pepper), as MAPPE_SECRET_KEY/AUTH_SECRET gives it.
process.env.MAPPE_SECRET_KEY ??= 'integration-tests-secret-key-0123456789';
resetEnvCache();
