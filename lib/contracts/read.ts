import 'server-only';
import type { EmployeeLike } from '../access/employee';
import { db } from '../db/client';
import type { DocumentArea, FolderArea } from '../db/schema';
import { listDocuments, openFile } from '../documents';
import { folderOverview, getContract, listArea } from '.';
import { ownProviders, productNames, providerNames, shippedCounts, type ProviderKind } from './catalog';
import { clientChanges } from './changes';

/** Page-level reads with the app's pool; pages pass the signed-in user, never an id of another tenant. */
export const overviewOf = (tenantId: string, actor: EmployeeLike, contactId: string) => folderOverview(db(), tenantId, actor, contactId);
export const areaOf = (tenantId: string, actor: EmployeeLike, contactId: string, area: FolderArea) => listArea(db(), tenantId, actor, contactId, area);
export const contractOf = (tenantId: string, actor: EmployeeLike, id: string) => getContract(db(), tenantId, actor, id);
export const documentsOf = (tenantId: string, actor: EmployeeLike, place: { contactId: string; area: DocumentArea; contractId: string | null }) =>
  listDocuments(db(), tenantId, actor, place);
export const providersFor = (tenantId: string, kind: ProviderKind) => providerNames(db(), tenantId, kind);
export const productsFor = (area: FolderArea) => productNames(db(), area);
export const ownProvidersOf = (tenantId: string) => ownProviders(db(), tenantId);
export const clientChangesFor = (tenantId: string, employee: EmployeeLike) => clientChanges(db(), tenantId, employee);
export const fileFor = (tenantId: string, actor: EmployeeLike, fileId: string) => openFile(db(), tenantId, actor, fileId);
export const shippedProviderCounts = () => shippedCounts(db());
