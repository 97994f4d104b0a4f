import 'server-only';
import { notFound } from 'next/navigation';
import { folderAreas, type FolderArea } from '../db/schema/contracts';
import { DomainError } from '../errors';

/** A folder area from the URL, or 404. */
export function areaParam(value: string): FolderArea {
  if (!(folderAreas as readonly string[]).includes(value)) notFound();
  return value as FolderArea;
}

/** Runs a page read; "not found / no access" from the domain becomes the 404 page (nothing is revealed). */
export async function orNotFound<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof DomainError) notFound();
    throw error;
  }
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An id from the URL, or 404 (a malformed id never reaches PostgreSQL). */
export function idParam(value: string): string {
  if (!uuid.test(value)) notFound();
  return value;
}

/** Whether an optional id from the URL is well-formed (for prefills that are simply skipped otherwise). */
export const isUuid = (value: string): boolean => uuid.test(value);
