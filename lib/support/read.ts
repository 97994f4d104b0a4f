import 'server-only';
import { db } from '../db/client';
import { listSupport } from '.';

export const supportRequestsForOperator = () => listSupport(db());
