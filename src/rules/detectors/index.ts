import type { Detector } from '../detector';
import { colleagueAbsence } from './colleague-absence';
import { confidentialMatter } from './confidential-matter';
import { dateOfBirth } from './date-of-birth';
import { discriminatoryRule } from './discriminatory';
import { disparagingRemark } from './disparaging-remark';
import { emailAddress } from './email-address';
import { nhsNumber } from './nhs-number';
import { phoneNumber } from './phone-number';
import { postcode } from './postcode';
import { profanityRule } from './profanity';
import { pupilCircumstances } from './pupil-circumstances';
import { pupilName } from './pupil-name';
import { pupilWorkBehaviour } from './pupil-work-behaviour';
import { schoolIdentity } from './school-identity';
import { sexualContent } from './sexual-content';
import { sickLeisure } from './sick-leisure';
import { staffName } from './staff-name';
import { streetAddress } from './street-address';
import { threatRule } from './threat';
import { vehicleRegistration } from './vehicle-registration';

/** Every text detector, in the order findings are built. One place to register a rule. */
export const DETECTORS: readonly Detector[] = [
  schoolIdentity,
  pupilName,
  staffName,
  sickLeisure,
  disparagingRemark,
  profanityRule,
  discriminatoryRule,
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
