export { DomainError } from '../errors';
