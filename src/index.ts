/**
 * cchc-index: score Vietnam's administrative-reform indexes (Chỉ số CCHC, PAR INDEX) exactly.
 *
 * Every public export is named here, explicitly.
 * @packageDocumentation
 */

// Errors
export { ERROR_CODES, type CchcErrorCode } from './errors/codes.js';
export { CchcError, formatIssuePath, isCchcError, type CchcIssue, type IssuePath } from './errors/CchcError.js';

// Numbers
export {
  CountSchema,
  DecimalInputSchema,
  NonNegativeDecimalSchema,
  type CountInput,
  type DecimalInput,
} from './numeric/schemas.js';
export { ratio } from './numeric/ratio.js';
export { percent, type PercentOptions } from './numeric/percent.js';
export { apportion, type ApportionOptions } from './numeric/apportion.js';
export { checkTarget, type Target, type TargetCheckResult } from './numeric/checkTarget.js';
