/** WIEDERVORLAGEN (issue 15). The start page calls `countFollowUps(ctx, 'today' | 'overdue')`. */
export { createFollowUp } from './create';
export { setFollowUpDone } from './done';
export { assigneeOptions, contactFollowUps, countFollowUps, myFollowUps, type FollowUpItem } from './list';
