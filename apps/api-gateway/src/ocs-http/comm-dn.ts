// GSW_CM_AttrError values live in @ocs/domain with the campaign group lifecycle that produces them;
// the message types and keys in @ocs/desktop-protocol (comm-dn).
export { CommDnError } from '@ocs/domain';
