/**
 * The LGOTP API ({@code /api/lgotp}) on {@code LgotpService}: the public state of a
 * programme year, hosting requests and monthly reports of local-government accounts (own
 * municipality only), and the candidates, selection decisions, withdrawals and cohorts of
 * the programme team; who may do what is checked here, as the {@code /api/**} chain lets
 * every request in.
 */
package jp.localgov.casework.lgotp.web;
