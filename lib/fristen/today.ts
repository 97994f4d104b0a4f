/** Today in Germany: one definition, shared with the stored deadlines (lib/deadline-store). */
export { todayInGermany } from '../deadline-store/today';
