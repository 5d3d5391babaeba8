/**
 * Who is running the query, offline: current_principal, current_principal_details,
 * current_principal_is_member_of, current_cluster_endpoint.
 *
 * kqlhunt runs locally with no Microsoft Entra identity and no cluster, so these return fixed,
 * documented values rather than anything taken from the machine (query results must not depend
 * on who runs them):
 * - current_principal() is `kqlhunt=offline;local` (the FQN form `type=id;tenant`);
 * - current_principal_details() is a bag with the documented fields, Type "Offline" and the rest
 *   either describing kqlhunt or null;
 * - current_principal_is_member_of(...) is false: the offline principal belongs to no group. As in
 *   Kusto, its arguments must be string literals (or a literal dynamic array of them);
 * - current_cluster_endpoint() is `kqlhunt.offline`.
 */
import type { DynamicValue } from '../../../types/scalar.js';
import { newBag } from '../../values/dynamic.js';
import { bound, failure, isConstant } from '../bound.js';
import { type FunctionTable, def } from './registry.js';

export const OFFLINE_PRINCIPAL = 'kqlhunt=offline;local';
export const OFFLINE_CLUSTER_ENDPOINT = 'kqlhunt.offline';

function offlineDetails(): DynamicValue {
  const bag = newBag();
  const fields: [string, DynamicValue][] = [
    ['Country', null],
    ['TenantCountry', null],
    ['TenantRegion', null],
    ['UserPrincipalName', null],
    ['IdentityProvider', 'kqlhunt'],
    ['Authority', 'local'],
    ['Mfa', 'False'],
    ['Type', 'Offline'],
    ['DisplayName', 'kqlhunt offline principal'],
    ['ObjectId', null],
    ['FQN', OFFLINE_PRINCIPAL],
    ['Notes', 'kqlhunt runs offline: there is no Microsoft Entra identity'],
  ];
  for (const [k, v] of fields) bag[k] = v;
  return bag;
}

export const principalFunctions: FunctionTable = {
  current_principal: def(0, 0, () => bound('string', () => OFFLINE_PRINCIPAL)),
  current_principal_details: def(0, 0, () => bound('dynamic', () => offlineDetails())),
  current_principal_is_member_of: def(1, 64, (args, name) => {
    const i = args.findIndex((arg) => !isConstant(arg) || (arg.type !== 'string' && arg.type !== 'dynamic'));
    if (i >= 0)
      return failure(`${name}(): argument ${i + 1} must be a string literal or a dynamic array literal.`, i);
    return bound('bool', () => false);
  }),
  current_cluster_endpoint: def(0, 0, () => bound('string', () => OFFLINE_CLUSTER_ENDPOINT)),
};
