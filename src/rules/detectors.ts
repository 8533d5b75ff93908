import type { Detector } from './detector';
import { colleagueAbsence } from './judgement/rules/colleague-absence';
import { confidentialMatter } from './judgement/rules/confidential-matter';
import { dateOfBirth } from './evidence/detectors/date-of-birth';
import { discriminatoryRule } from './evidence/detectors/discriminatory';
import { disparagingRemark } from './judgement/rules/disparaging-remark';
import { emailAddress } from './evidence/detectors/email-address';
import { nhsNumber } from './evidence/detectors/nhs-number';
import { phoneNumber } from './evidence/detectors/phone-number';
import { postcode } from './evidence/detectors/postcode';
import { profanityRule } from './evidence/detectors/profanity';
import { pupilCircumstances } from './judgement/rules/pupil-circumstances';
import { pupilName } from './evidence/detectors/pupil-name';
import { pupilWorkBehaviour } from './judgement/rules/pupil-work-behaviour';
import { schoolIdentity } from './evidence/detectors/school-identity';
import { sexualContent } from './evidence/detectors/sexual-content';
import { sickLeisure } from './judgement/rules/sick-leisure';
import { sweepingRemark } from './judgement/rules/sweeping-remark';
import { staffName } from './evidence/detectors/staff-name';
import { streetAddress } from './evidence/detectors/street-address';
import { threatRule } from './evidence/detectors/threat';
import { vehicleRegistration } from './evidence/detectors/vehicle-registration';

/** Every text detector, in the order findings are built. One place to register a rule. */
export const DETECTORS: readonly Detector[] = [
  schoolIdentity,
  pupilName,
  staffName,
  sickLeisure,
  disparagingRemark,
  profanityRule,
  discriminatoryRule,
  sweepingRemark,
  sexualContent,
  threatRule,
  phoneNumber,
  nhsNumber,
  postcode,
  streetAddress,
  emailAddress,
  dateOfBirth,
  vehicleRegistration,
  confidentialMatter,
  pupilCircumstances,
  colleagueAbsence,
  pupilWorkBehaviour,
];
