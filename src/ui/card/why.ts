import type { CategoryId } from '../../rules/types';

/** One sentence per category on why it matters; the finding's own message says what was found. */
export const WHY_IT_MATTERS: Record<CategoryId, string> = {
  school: 'Posts that name the school speak for it, so the policy asks staff to keep school business off personal accounts.',
  pupil: 'Naming a pupil online can identify a child to anyone, including people they need protecting from.',
  staff: 'Colleagues have a right not to be discussed or identified in your personal posts.',
  sickness: 'Saying you are ill while posting about other things can be read as misconduct during absence.',
  disparaging: 'Criticising the school, colleagues or parents in public can bring the school into disrepute.',
  offensive: 'Offensive language in public posts can breach the staff code of conduct.',
  'personal-data': 'Personal details such as addresses or phone numbers are protected by data protection law.',
  confidential: 'School matters discussed in confidence must not be shared outside school.',
  'child-comment': 'Replying to or commenting about pupils online blurs the professional boundary the policy sets.',
  logo: 'The school logo marks a post as official school communication.',
  photos: 'A photo of pupils on a personal account can identify children to anyone, and most schools allow pupil photos only through the school’s own channels.',
};

export const SEVERITY_LABELS = { info: 'Note', warn: 'Check', block: 'Not allowed' } as const;
