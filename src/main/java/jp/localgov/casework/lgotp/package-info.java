/**
 * LGOTP, the yearly cycle of the foreign local-government officials training programme
 * (自治体職員協力交流事業): the demand survey of host local governments, recruitment and selection,
 * and each trainee's journey from pre-arrival to the alumni network. Depends on
 * {@code platform} and {@code referencedata}; {@code process} drives the
 * {@code LgotpAnnualCycle} and {@code LgotpTraineeJourney} processes, {@code web} offers
 * the API.
 */
package jp.localgov.casework.lgotp;
