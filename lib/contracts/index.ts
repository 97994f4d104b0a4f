/** The contracts domain, verb by verb (DIGITALER ORDNER: areas, contracts, ANBIETER, client changes). */
export { createContract, type CreateContractInput } from './create';
export { updateContract, type UpdateContractInput } from './update';
export { deleteContract } from './delete';
export { getContract, type ContractDetail } from './get';
export { listArea, type AreaList, type ContractListItem } from './list';
export { folderOverview, type AreaSummary } from './overview';
export { clientChanges, type ClientChange } from './changes';
export {
  addProvider,
  ownProviders,
  productNames,
  providerNames,
  removeProvider,
  shippedCounts,
  type ProviderKind,
} from './catalog';
