/**
 * Two-step verification: the second factor at sign-in (when the policy requires it of a person who has a method to
 * give it with) and the fresh factor asked before security info changes ("step-up"), both on Spring Security's
 * multi-factor support: each factor is a {@code FactorGrantedAuthority} with the time it was given, and the
 * authorization rules say which factors a request needs and how recent they must be.
 */
package io.securityinfo.twostep;
