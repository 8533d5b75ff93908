import type { CitedClause } from '../types';
import type { Pack } from '../pack/schema';

/** A pack's clause as a finding cites it: the clause and the policy it comes from. */
export function citeClause(pack: Pick<Pack, 'policy'>, clause: Pack['policy']['clauses'][number]): CitedClause {
  return { id: clause.id, ref: clause.ref, text: clause.text, policyTitle: pack.policy.title, ...(pack.policy.url ? { policyUrl: pack.policy.url } : {}) };
}
