import { deleteObject } from '../storage';

/**
 * Removes stored objects after the rows pointing at them are gone. A failure is logged, not thrown:
 * the rows are already deleted and nothing links to the object any more (the sweeper and the privacy
 * jobs catch what is left).
 */
export async function deleteObjectsQuietly(tenantId: string, keys: readonly string[]): Promise<void> {
  for (const key of keys) {
    try {
      await deleteObject(tenantId, key);
    } catch (error) {
      console.error(`[storage] could not delete ${key}:`, error instanceof Error ? error.name : 'unknown');
    }
  }
}
