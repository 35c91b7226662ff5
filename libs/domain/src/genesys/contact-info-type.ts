import { enumerationGuard, enumerationValues } from '../enumeration';

/** Contact information type (`contact_info_type`, GSW_PHONE_TYPE): reference manual, "Enumeration Table". */
export const ContactInfoType = {
  NoContactType: 0,
  HomePhone: 1,
  DirectBusinessPhone: 2,
  BusinessWithExt: 3,
  Mobile: 4,
  VacationPhone: 5,
  Pager: 6,
  Modem: 7,
  VoiceMail: 8,
  PinPager: 9,
  EmailAddress: 10,
  InstantMessaging: 11,
} as const;

export type ContactInfoType = (typeof ContactInfoType)[keyof typeof ContactInfoType];

export const CONTACT_INFO_TYPE_VALUES = enumerationValues(ContactInfoType);

export const isContactInfoType = enumerationGuard(ContactInfoType);

export const CONTACT_INFO_TYPE_LABELS: Readonly<Record<ContactInfoType, string>> = {
  [ContactInfoType.NoContactType]: 'No Contact Type',
  [ContactInfoType.HomePhone]: 'Home Phone',
  [ContactInfoType.DirectBusinessPhone]: 'Direct Business Phone',
  [ContactInfoType.BusinessWithExt]: 'Business With Ext',
  [ContactInfoType.Mobile]: 'Mobile',
  [ContactInfoType.VacationPhone]: 'Vacation Phone',
  [ContactInfoType.Pager]: 'Pager',
  [ContactInfoType.Modem]: 'Modem',
  [ContactInfoType.VoiceMail]: 'Voice Mail',
  [ContactInfoType.PinPager]: 'Pin Pager',
  [ContactInfoType.EmailAddress]: 'E-mail Address',
  [ContactInfoType.InstantMessaging]: 'Instant Messaging',
};
