import type { Refusal } from '../../../domain/ledgers/shared/result';
import { AppError } from '../../app-error';

/** Codes of record-step.ts that are about the measure's state, not the request's data: 409. */
const conflictCodes: ReadonlySet<string> = new Set([
  'enforcement.wrongOrder', 'enforcement.duplicate', 'enforcement.ended', 'enforcement.timeOrder', 'enforcement.notApproved',
  'enforcement.extensionTwice', 'enforcement.periodExpired', 'enforcement.tooEarly', 'enforcement.unknownStep',
]);

/** A domain refusal of the enforcement procedure as the server's error: order and time 409, data 400. */
export function enforcementRefusalError(r: Refusal): AppError {
  return new AppError(conflictCodes.has(r.code) ? 'conflict' : 'validation_failed', r.messageZh);
}
