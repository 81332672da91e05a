/**
 * The limits of an urging notice (督办): how long its message and the department's answer may be, and how far ahead
 * its deadline may lie. Shared by the use cases (authoritative) and the forms (maxLength, the hint).
 */
export const URGING_MESSAGE_MAX = 500;
export const URGING_ANSWER_MAX = 1000;
/**
 * The answer's deadline is a working day from today up to this many working days ahead: an urging asks for an answer
 * soon (a week is usual); a month ahead is no urging, and a far date would hide a notice nobody answers.
 */
export const URGING_DEADLINE_MAX_WORKING_DAYS = 20;
