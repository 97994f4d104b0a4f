/** FRISTEN as stored rows (contract_deadlines): recompute, queue, the worker. */
export { recomputeContracts } from './compute';
export { catchUp, drainAll, drainOnce, refreshContract, startDeadlineWorker } from './drain';
export { deadlineOf, detailOf, recheckOn, type StoredDetail } from './row';
export { todayInGermany } from './today';
