/** FRISTEN: the list for employees, its count for the start page, erledigt marks, a contract's deadlines. */
export {
  listDeadlines,
  countUpcomingDeadlines,
  allDeadlines,
  type DeadlineFilters,
  type DeadlineListItem,
} from './list';
export { deadlinesOfContract, type ContractDeadline } from './for-contract';
export { markDeadlineDone, reopenDeadline } from './mark';
export { windows, type DeadlineWindow } from './window';
