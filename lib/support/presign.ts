import { requireRight } from '../access/require';
import type { Ctx } from '../ctx';
import { startUpload, type PresignedUpload } from '../uploads/start';
import type { ScreenshotPresignInput } from './schemas';

/** Only employees of the tenant write to the operator (clients have KOMMUNIKATION with their broker). */
export const requireSupportRight = (ctx: Ctx) =>
  requireRight(ctx.actor.kind === 'employee', 'support.errors.employeesOnly');

/** A presigned POST for one screenshot, through the one upload pipeline (row, sweeper, copy on submit). */
export async function presignScreenshot(ctx: Ctx, input: ScreenshotPresignInput): Promise<PresignedUpload> {
  requireSupportRight(ctx);
  return startUpload(ctx, {
    purpose: 'support',
    filename: input.filename,
    contentType: input.contentType,
    size: input.size,
    field: 'screenshots',
  });
}
